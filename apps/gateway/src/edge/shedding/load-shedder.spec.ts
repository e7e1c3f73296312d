import { LoadShedder, type SheddingLimits } from './load-shedder';

const limits: SheddingLimits = { maxInFlight: 2, maxEventLoopLagMs: 100, retryAfterS: 1 };

const shedderWith = (lag: { ms: number }) =>
  new LoadShedder({ limits: () => limits, lagMs: () => lag.ms });

describe('LoadShedder', () => {
  it('admits up to the in-flight limit, refuses the next, and admits again after a release', () => {
    const shedder = shedderWith({ ms: 0 });
    expect([shedder.admit(), shedder.admit(), shedder.admit()]).toEqual([
      undefined,
      undefined,
      'in_flight',
    ]);
    expect(shedder.current).toBe(2);
    shedder.release();
    expect(shedder.admit()).toBeUndefined();
  });

  it('refuses while the event loop lags past the threshold, and admits once it catches up', () => {
    const lag = { ms: 150 };
    const shedder = shedderWith(lag);
    expect(shedder.admit()).toBe('event_loop_lag');
    expect(shedder.current).toBe(0);
    lag.ms = 100;
    expect(shedder.admit()).toBeUndefined();
  });

  it('follows thresholds changed at runtime', () => {
    let current = limits;
    const shedder = new LoadShedder({ limits: () => current, lagMs: () => 0 });
    shedder.admit();
    shedder.admit();
    current = { ...limits, maxInFlight: 3 };
    expect(shedder.admit()).toBeUndefined();
    expect(shedder.retryAfterS).toBe(1);
  });

  it('reports shedding once when it starts and once when a whole window passes without it', () => {
    const shedder = shedderWith({ ms: 0 });
    expect(shedder.endWindow()).toBeUndefined();
    shedder.admit();
    shedder.admit();
    shedder.admit();
    shedder.admit();
    expect(shedder.endWindow()).toEqual({
      shedding: true,
      shed: { in_flight: 2, event_loop_lag: 0 },
    });
    shedder.admit();
    expect(shedder.endWindow()).toBeUndefined();
    shedder.release();
    shedder.release();
    expect(shedder.endWindow()).toEqual({ shedding: false, shedTotal: 3 });
    expect(shedder.endWindow()).toBeUndefined();
  });
});
