import { trace } from '@opentelemetry/api';
import { CALLER_METADATA_KEY, InternalTokens, subjectHash, type Identity } from '@junction/auth';
import { installInMemoryTracing, type InMemoryTracing } from '@junction/telemetry/testing';
import { callerIdentity, requireCaller } from '../caller.accessor';
import { Status } from '../status.error';
import { statusErrorOf } from '../testing';
import { callerServer } from './caller-server.middleware';
import { fakeServerCall } from './server-call.fixture';

const SECRET = 'a-secret-shared-by-gateway-and-services';
const alice: Identity = { subject: 'alice', scopes: ['orders'], kind: 'api-key', keyId: 'k1' };

describe('callerServer', () => {
  let tracing: InMemoryTracing;
  beforeAll(() => (tracing = installInMemoryTracing()));
  afterAll(() => tracing.shutdown());
  beforeEach(() => tracing.reset());

  const tokens = new InternalTokens(SECRET);
  const withToken = (token: string) =>
    fakeServerCall({ headers: { [CALLER_METADATA_KEY]: token } });
  /** The identity the handler saw, as a handler reads it. */
  const seen = async () => callerIdentity();

  it('runs the handler as the caller a trusted gateway signed for', async () => {
    const token = await tokens.mint(alice);
    expect(await callerServer(tokens)(seen)(withToken(token))).toEqual(alice);
  });

  it("marks the call's span with a pseudonym of the caller and the key id, never the name", async () => {
    const token = await tokens.mint(alice);
    await trace.getTracer('test').startActiveSpan('server', async (span) => {
      await callerServer(tokens)(seen)(withToken(token));
      span.end();
    });
    const [span] = tracing.spans();
    expect(span.attributes['enduser.id']).toBe(subjectHash('alice'));
    expect(span.attributes['junction.auth.key_id']).toBe('k1');
    expect(JSON.stringify(span.attributes)).not.toContain('alice');
  });

  it('runs a call that claims no one anonymously', async () => {
    expect(await callerServer(tokens)(seen)(fakeServerCall())).toBeUndefined();
  });

  it('refuses a token signed with another secret before the handler runs', async () => {
    const forged = await new InternalTokens('an-attacker-chosen-secret-of-32-chars!').mint(alice);
    const next = jest.fn(seen);
    const error = await statusErrorOf(callerServer(tokens)(next)(withToken(forged)));
    expect(error.code).toBe(Status.UNAUTHENTICATED);
    expect(error.message).toContain('not signed by a trusted gateway');
    expect(next).not.toHaveBeenCalled();
  });

  it('refuses an expired token', async () => {
    const past = new InternalTokens(SECRET, () => Date.now() - 10 * 60_000);
    const error = await statusErrorOf(
      callerServer(tokens)(seen)(withToken(await past.mint(alice))),
    );
    expect(error.code).toBe(Status.UNAUTHENTICATED);
  });

  it('refuses a claimed caller when this service has no secret to verify it with', async () => {
    const token = await tokens.mint(alice);
    const error = await statusErrorOf(callerServer(undefined)(seen)(withToken(token)));
    expect(error.code).toBe(Status.UNAUTHENTICATED);
    expect(error.message).toContain('INTERNAL_TOKEN_SECRET');
  });

  it("gives requireCaller the caller's principal, and refuses an anonymous call", async () => {
    const token = await tokens.mint(alice);
    const principal = await callerServer(tokens)(async () => requireCaller().principal)(
      withToken(token),
    );
    expect(principal).toBe('api-key:alice');
    const error = await statusErrorOf(
      callerServer(tokens)(async () => requireCaller())(fakeServerCall()),
    );
    expect(error.code).toBe(Status.UNAUTHENTICATED);
  });
});
