import { setImmediate as nextTurn } from 'node:timers/promises';
import { EventLoopLag } from './event-loop-lag';

const blockFor = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy: this is the overload being measured
  }
};

describe('EventLoopLag', () => {
  let lag: EventLoopLag;
  beforeEach(() => (lag = new EventLoopLag()));
  afterEach(() => lag.stop());

  it('reads a loop kept busy as lagging', async () => {
    lag.sample();
    for (let turn = 0; turn < 5; turn += 1) {
      blockFor(60);
      await nextTurn();
    }
    const measured = lag.sample();
    expect(measured).toBeGreaterThan(20);
    expect(lag.ms).toBe(measured);
  });

  it('reads an idle loop as not lagging', async () => {
    lag.sample();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(lag.sample()).toBeLessThan(20);
  });
});
