import { createStackApiKey } from '@junction/testing';
import { GATEWAY_A, GATEWAY_B, issueToken, REGISTRY_URL } from './support/auth-endpoints';
import { plausibleClaims } from './support/forged-tokens';
import {
  apiKeyHeader,
  bearer,
  confirmOrder,
  placeOrder,
  readOrder,
  type Credentials,
} from './support/gateway-requests';

const keyOf = async (owner: string): Promise<Credentials> =>
  apiKeyHeader((await createStackApiKey(REGISTRY_URL, GATEWAY_A, owner)).key);

describe('orders belong to whoever placed them', () => {
  it("answers 404 for another identity's order, read or confirmed, as for an id that does not exist", async () => {
    const [alice, bob] = await Promise.all([keyOf('owner-alice'), keyOf('owner-bob')]);
    const placed = await placeOrder(GATEWAY_A, alice);
    expect(placed.status).toBe(201);

    const read = await readOrder(GATEWAY_A, placed.body.id, bob);
    const confirmed = await confirmOrder(GATEWAY_A, placed.body.id, bob);
    const unknown = await readOrder(GATEWAY_A, '9223372036854775807', bob);
    for (const answer of [read, confirmed]) {
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ reason: (unknown.body as { reason?: string }).reason });
    }
    // Bob's confirm changed nothing; the owner still sees a pending order, on any replica.
    const own = await readOrder(GATEWAY_B, placed.body.id, alice);
    expect([own.status, own.body.status]).toEqual([200, 'PENDING']);
  });

  it("keeps an identity provider's subject apart from an API key owner of the same name", async () => {
    const keyHolder = await keyOf('same-name');
    const tokenHolder = bearer(await issueToken(plausibleClaims('same-name')));
    const placed = await placeOrder(GATEWAY_A, keyHolder);
    expect((await readOrder(GATEWAY_A, placed.body.id, tokenHolder)).status).toBe(404);
    expect((await readOrder(GATEWAY_A, placed.body.id, keyHolder)).status).toBe(200);
  });

  it('gives a subject its orders whatever token it comes with, and a key owner with any of its keys', async () => {
    const first = bearer(await issueToken(plausibleClaims('returning-user')));
    const placed = await placeOrder(GATEWAY_A, first);
    const later = bearer(await issueToken({ ...plausibleClaims('returning-user'), jti: 'later' }));
    expect((await confirmOrder(GATEWAY_B, placed.body.id, later)).body.status).toBe('CONFIRMED');

    const [one, two] = await Promise.all([keyOf('two-keys'), keyOf('two-keys')]);
    const byOne = await placeOrder(GATEWAY_A, one);
    expect((await readOrder(GATEWAY_A, byOne.body.id, two)).status).toBe(200);
  });
});
