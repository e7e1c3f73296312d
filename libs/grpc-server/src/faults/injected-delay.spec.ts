import { Status } from '../status.error';
import { injectedDelay } from './injected-delay';

/** A call whose cancellation the test triggers, counting its listeners. */
const cancellableCall = () => {
  const listeners = new Set<() => void>();
  return {
    onCancel: (listener: () => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    cancel: () => [...listeners].forEach((listener) => listener()),
    listening: () => listeners.size,
  };
};

/** Records how the delay ended. */
const watch = (delay: Promise<void>) => {
  const seen: { ended?: 'resolved' | 'rejected'; code?: Status } = {};
  delay.then(
    () => (seen.ended = 'resolved'),
    (error: { code: Status }) => {
      seen.ended = 'rejected';
      seen.code = error.code;
    },
  );
  return seen;
};

describe('injectedDelay', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('lets the call through once the latency has passed, leaving no listener', async () => {
    const call = cancellableCall();
    const seen = watch(injectedDelay(200, undefined, call));
    await jest.advanceTimersByTimeAsync(199);
    expect(seen.ended).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(seen.ended).toBe('resolved');
    expect(call.listening()).toBe(0);
  });

  it('stops at the deadline with DEADLINE_EXCEEDED instead of sleeping on', async () => {
    const call = cancellableCall();
    const seen = watch(injectedDelay(5000, Date.now() + 300, call));
    await jest.advanceTimersByTimeAsync(300);
    expect(seen).toEqual({ ended: 'rejected', code: Status.DEADLINE_EXCEEDED });
    expect(jest.getTimerCount()).toBe(0);
    expect(call.listening()).toBe(0);
  });

  it('ends at once, timer cleared, when the client cancels', async () => {
    const call = cancellableCall();
    const seen = watch(injectedDelay(5000, undefined, call));
    call.cancel();
    await jest.advanceTimersByTimeAsync(0);
    expect(seen).toEqual({ ended: 'rejected', code: Status.CANCELLED });
    expect(jest.getTimerCount()).toBe(0);
  });
});
