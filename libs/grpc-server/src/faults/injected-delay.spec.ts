import { EventEmitter } from 'node:events';
import { Status } from '../status.error';
import { injectedDelay } from './injected-delay';

/** Subscribes and records how the delay ended. */
const watch = (delay: ReturnType<typeof injectedDelay>) => {
  const seen: { ended?: 'next' | 'error'; code?: Status } = {};
  const subscription = delay.subscribe({
    next: () => (seen.ended = 'next'),
    error: (error: { code: Status }) => {
      seen.ended = 'error';
      seen.code = error.code;
    },
  });
  return { seen, subscription };
};

describe('injectedDelay', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('lets the call through once the latency has passed', () => {
    const { seen } = watch(injectedDelay(200, undefined, new EventEmitter()));
    jest.advanceTimersByTime(199);
    expect(seen.ended).toBeUndefined();
    jest.advanceTimersByTime(1);
    expect(seen.ended).toBe('next');
  });

  it('stops at the deadline with DEADLINE_EXCEEDED instead of sleeping on', () => {
    const { seen } = watch(injectedDelay(5000, Date.now() + 300, new EventEmitter()));
    jest.advanceTimersByTime(300);
    expect(seen).toEqual({ ended: 'error', code: Status.DEADLINE_EXCEEDED });
    expect(jest.getTimerCount()).toBe(0);
  });

  it('ends at once, timer cleared, when the client cancels', () => {
    const call = new EventEmitter();
    const { seen } = watch(injectedDelay(5000, undefined, call));
    call.emit('cancelled');
    expect(seen).toEqual({ ended: 'error', code: Status.CANCELLED });
    expect(jest.getTimerCount()).toBe(0);
    expect(call.listenerCount('cancelled')).toBe(0);
  });

  it('leaves no timer or listener behind when unsubscribed', () => {
    const call = new EventEmitter();
    watch(injectedDelay(5000, undefined, call)).subscription.unsubscribe();
    expect(jest.getTimerCount()).toBe(0);
    expect(call.listenerCount('cancelled')).toBe(0);
  });
});
