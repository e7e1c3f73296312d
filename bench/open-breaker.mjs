// How fast an open circuit breaker fails a call, through the whole client
// chain (trace → fallback → bulkhead → breaker → …), against the same chain
// answering at once from a healthy upstream (the baseline, measured in the
// same run). In-process, bounded: 200k calls each. A benchmark, not a test.
import { createRequire } from 'node:module';
import path from 'node:path';
import { root } from '../tools/scripts/workspace.mjs';

const require = createRequire(path.join(root, 'package.json'));
const { Metadata, GrpcCallError, GrpcStatus } = require('@junction/grpc-client');
const { resilientChain, clientPolicySchema } = require('@junction/resilience');
const { catalogV1 } = require('@junction/contracts');

const CALLS = 200_000;
const method = catalogV1.CatalogServiceDefinition.methods.getProduct;
const call = () => ({
  upstream: 'catalog',
  path: '/catalog.v1.CatalogService/GetProduct',
  method,
  request: { id: '7' },
  metadata: new Metadata(),
  deadline: Date.now() + 2_000,
});
const policy = clientPolicySchema.parse({
  breaker: { minimumVolume: 5, resetTimeoutMs: 600_000 },
  retry: { maxAttempts: 1 },
});

async function perCallMicros(upstream, prepare) {
  const chain = resilientChain({ policy: () => policy });
  const handler = chain.middleware(upstream);
  await prepare?.(handler);
  for (let i = 0; i < 10_000; i++) await handler(call()).catch(() => undefined); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) await handler(call()).catch(() => undefined);
  const micros = Number(process.hrtime.bigint() - start) / 1_000 / CALLS;
  const states = chain.breakers.states();
  chain.breakers.close();
  return { micros, states };
}

const healthy = await perCallMicros(async () => ({ product: undefined }));
const failing = new GrpcCallError(GrpcStatus.UNAVAILABLE, 'down', 'catalog', '/x');
const open = await perCallMicros(
  () => Promise.reject(failing),
  async (handler) => {
    for (let i = 0; i < 10; i++) await handler(call()).catch(() => undefined);
  },
);
if (open.states.GetProduct !== 'open') throw new Error('the breaker did not open');

export const openBreakerResult = { healthy: healthy.micros, open: open.micros };
console.log(
  `open breaker: ${open.micros.toFixed(1)} µs per rejected call; healthy chain: ${healthy.micros.toFixed(1)} µs per call (${(open.micros / healthy.micros).toFixed(2)}×)`,
);
