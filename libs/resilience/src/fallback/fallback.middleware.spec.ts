import { GrpcCallError, GrpcStatus } from '@junction/grpc-client';
import { getProduct, upstreamError } from '../testing/calls.fixture';
import { fallback } from './fallback.middleware';

describe('fallback', () => {
  const failing = (error: unknown) => () => Promise.reject(error);

  it("answers with the caller's fallback when the upstream failed, and reports it", async () => {
    const events = { fellBack: jest.fn() };
    const handler = fallback(events)(failing(upstreamError(GrpcStatus.UNAVAILABLE)));
    await expect(handler(getProduct({ fallback: () => 'cached' }))).resolves.toBe('cached');
    expect(events.fellBack).toHaveBeenCalledTimes(1);
  });

  it('answers with the fallback when the client refused to call (breaker open)', async () => {
    const open = GrpcCallError.local(GrpcStatus.UNAVAILABLE, 'open', getProduct(), 'CIRCUIT_OPEN');
    const handler = fallback()(failing(open));
    await expect(handler(getProduct({ fallback: () => 'cached' }))).resolves.toBe('cached');
  });

  it('lets business answers through: NOT_FOUND is not a failure', async () => {
    const handler = fallback()(failing(upstreamError(GrpcStatus.NOT_FOUND)));
    await expect(handler(getProduct({ fallback: () => 'cached' }))).rejects.toMatchObject({
      code: GrpcStatus.NOT_FOUND,
    });
  });

  it('rejects as before when the call has no fallback', async () => {
    const handler = fallback()(failing(upstreamError(GrpcStatus.UNAVAILABLE)));
    await expect(handler(getProduct())).rejects.toMatchObject({ code: GrpcStatus.UNAVAILABLE });
  });

  it('passes the failure to the fallback, which may still reject', async () => {
    const handler = fallback()(failing(upstreamError(GrpcStatus.INTERNAL)));
    const call = getProduct({
      fallback: (error) => {
        throw error;
      },
    });
    await expect(handler(call)).rejects.toMatchObject({ code: GrpcStatus.INTERNAL });
  });
});
