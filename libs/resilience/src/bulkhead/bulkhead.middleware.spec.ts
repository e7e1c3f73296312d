import { GrpcStatus, isUpstreamFailure } from '@junction/grpc-client';
import { getProduct, policyWith } from '../testing/calls.fixture';
import { bulkhead } from './bulkhead.middleware';

describe('bulkhead', () => {
  it('sheds calls beyond the cap at once, as a local failure', async () => {
    const events = { rejected: jest.fn() };
    const release: Array<() => void> = [];
    const handler = bulkhead(
      policyWith({ bulkhead: { maxConcurrent: 2 } }),
      events,
    )(() => new Promise((resolve) => release.push(() => resolve('ok'))));
    const held = [handler(getProduct()), handler(getProduct())];
    const shed = await handler(getProduct()).catch((error: unknown) => error);
    expect(shed).toMatchObject({ code: GrpcStatus.UNAVAILABLE, reason: 'BULKHEAD_FULL' });
    // Shed, not failed: it must not count against the upstream's breaker.
    expect(isUpstreamFailure(shed)).toBe(false);
    expect(events.rejected).toHaveBeenCalledTimes(1);
    release.forEach((done) => done());
    await expect(Promise.all(held)).resolves.toEqual(['ok', 'ok']);
  });

  it('frees a slot when a call ends, failed or not', async () => {
    const handler = bulkhead(policyWith({ bulkhead: { maxConcurrent: 1 } }))(async (call) => {
      if (call.request === 'fail') throw new Error('x');
      return 'ok';
    });
    await expect(handler(getProduct({ request: 'fail' }))).rejects.toThrow('x');
    await expect(handler(getProduct())).resolves.toBe('ok');
  });

  it('applies a new cap from live config to the next call', async () => {
    let max = 1;
    const policy = policyWith();
    const handler = bulkhead(() => ({ ...policy(), bulkhead: { maxConcurrent: max } }))(
      () => new Promise(() => undefined),
    );
    void handler(getProduct());
    await expect(handler(getProduct())).rejects.toMatchObject({ reason: 'BULKHEAD_FULL' });
    max = 2;
    void handler(getProduct());
    await expect(handler(getProduct())).rejects.toMatchObject({ reason: 'BULKHEAD_FULL' });
  });
});
