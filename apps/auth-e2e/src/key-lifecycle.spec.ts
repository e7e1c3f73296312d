import { waitUntil, WORKSPACE_ROOT } from '@junction/testing';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { GATEWAY_A, GATEWAY_B, REGISTRY_URL } from './support/auth-endpoints';
import { apiKeyHeader, call } from './support/gateway-requests';

const PROPAGATION_MS = 5000;

/** `npm run junction -- …` against the suite's registry, as an operator would run it. */
const junction = (...args: string[]) => {
  const result = spawnSync(
    process.execPath,
    [path.join(WORKSPACE_ROOT, 'tools/scripts/junction.mjs'), ...args],
    { encoding: 'utf8', env: { ...process.env, CONSUL_HTTP_ADDR: REGISTRY_URL } },
  );
  if (result.status !== 0) throw new Error(`junction ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
};

/** Resolves once every gateway answers /api/v1/me with `status` for `key`. */
async function untilEveryGateway(key: string, status: number): Promise<void> {
  await Promise.all(
    [GATEWAY_A, GATEWAY_B].map((gateway) =>
      waitUntil(
        async () =>
          (await call(gateway, '/api/v1/me', { headers: apiKeyHeader(key) })).status === status,
        { timeoutMs: PROPAGATION_MS, intervalMs: 25, what: `${status} from ${gateway}` },
      ),
    ),
  );
}

describe('an API key managed from the CLI', () => {
  it('works on every gateway replica within 5 s of its creation, and stops within 5 s of its revocation', async () => {
    const created = Date.now();
    const out = junction('api-key', 'create', '--owner', 'cli-operator', '--scopes', 'orders');
    const key = /^(jk_[0-9a-f]{12}_\S+)$/m.exec(out)?.[1];
    expect(key).toBeDefined();
    await untilEveryGateway(key!, 200);
    const acceptedAfterMs = Date.now() - created;
    expect(acceptedAfterMs).toBeLessThan(PROPAGATION_MS);

    const revoked = Date.now();
    junction('api-key', 'revoke', key!.split('_')[1]!);
    await untilEveryGateway(key!, 401);
    const refusedAfterMs = Date.now() - revoked;
    expect(refusedAfterMs).toBeLessThan(PROPAGATION_MS);
    console.log(
      `API key propagation to 2 replicas: accepted after ${acceptedAfterMs} ms, refused ${refusedAfterMs} ms after revocation`,
    );
  });
});
