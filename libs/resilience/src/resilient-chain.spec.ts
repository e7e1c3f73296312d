import { GrpcStatus, type GrpcCallError, type Middleware } from '@junction/grpc-client';
import { breakerForceSchema } from './breaker/breaker-force.schema';
import { resilientChain, type ResilientChain } from './resilient-chain';
import { getProduct, policyWith, upstreamError, useAsyncContext } from './testing/calls.fixture';

describe('resilientChain', () => {
  useAsyncContext();
  let built: ResilientChain | undefined;
  afterEach(() => built?.breakers.close());

  /** An instrument that notes each outcome it sees. */
  const recorder = () => {
    const seen: string[] = [];
    const instrument: Middleware = (next) => async (call) => {
      try {
        const answer = await next(call);
        seen.push('OK');
        return answer;
      } catch (error) {
        seen.push(GrpcStatus[(error as GrpcCallError).code]);
        throw error;
      }
    };
    return { seen, instrument };
  };

  it('shows instruments the outcome a fallback then hides, once per logical call', async () => {
    const { seen, instrument } = recorder();
    built = resilientChain({
      policy: policyWith({ retry: { maxAttempts: 3, initialBackoffMs: 1, maxBackoffMs: 1 } }),
      instruments: [instrument],
    });
    const next = jest.fn(() => Promise.reject(upstreamError(GrpcStatus.UNAVAILABLE)));
    const answer = await built.middleware(next)(getProduct({ fallback: () => 'cached' }));
    expect(answer).toBe('cached');
    expect(next).toHaveBeenCalledTimes(3);
    expect(seen).toEqual(['UNAVAILABLE']);
  });

  it('fails every call fast while ops force the breaker open', async () => {
    const { seen, instrument } = recorder();
    built = resilientChain({
      policy: policyWith(),
      instruments: [instrument],
      breakerForce: () => breakerForceSchema.parse({ state: 'open' }),
    });
    const next = jest.fn(async () => 'ok');
    await expect(built.middleware(next)(getProduct())).rejects.toMatchObject({
      reason: 'CIRCUIT_OPEN',
      local: true,
    });
    expect(next).not.toHaveBeenCalled();
    expect(seen).toEqual(['UNAVAILABLE']);
  });
});
