import { Logger } from '@nestjs/common';
import { waitUntil } from '@junction/test-support';
import type { ReservationExpiry, SweepResult } from '../domain/reservation-expiry.use-case';
import { deferred } from '../testing/order-fakes';
import { ExpiryJob } from './expiry-job';

const none: SweepResult = { released: [], failed: [] };
const noKeys = { prune: async () => 0 };

describe('ExpiryJob', () => {
  let job: ExpiryJob | undefined;
  beforeEach(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterEach(async () => {
    await job?.stop();
    jest.restoreAllMocks();
  });

  it('sweeps at once when started, then every interval, until stopped', async () => {
    const sweep = jest.fn(async () => none);
    job = new ExpiryJob({ sweep } as unknown as ReservationExpiry, 20, noKeys);
    job.start();
    job.start();
    expect(job.running).toBe(true);
    expect(sweep).toHaveBeenCalledTimes(1);
    await waitUntil(() => sweep.mock.calls.length >= 3);
    await job.stop();
    const count = sweep.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sweep).toHaveBeenCalledTimes(count);
    expect(job.running).toBe(false);
  });

  it('stop() aborts the sweep in progress and waits for it', async () => {
    const gate = deferred<SweepResult>();
    let signal: AbortSignal | undefined;
    const sweep = jest.fn(async (s?: AbortSignal) => ((signal = s), gate.promise));
    job = new ExpiryJob({ sweep } as unknown as ReservationExpiry, 1000, noKeys);
    job.start();
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(signal?.aborted).toBe(true);
    expect(stopped).toBe(false);
    gate.resolve(none);
    await stopping;
  });

  it('keeps running after a sweep fails', async () => {
    const sweep = jest
      .fn<Promise<SweepResult>, []>()
      .mockRejectedValueOnce(new Error('boom'))
      .mockResolvedValue(none);
    job = new ExpiryJob({ sweep } as unknown as ReservationExpiry, 5, noKeys);
    job.start();
    await waitUntil(() => sweep.mock.calls.length >= 2);
  });

  it('forgets expired idempotency keys after each sweep', async () => {
    const prune = jest.fn(async () => 0);
    job = new ExpiryJob({ sweep: async () => none } as unknown as ReservationExpiry, 1000, {
      prune,
    });
    job.start();
    await waitUntil(() => prune.mock.calls.length === 1);
    expect(prune).toHaveBeenCalledWith(5000);
  });
});
