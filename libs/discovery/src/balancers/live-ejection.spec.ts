import { liveEjection } from './live-ejection';

describe('live ejection options', () => {
  it('lays ops changes over the defaults, and keeps them until the next change', () => {
    let override: { baseEjectionMs?: number } | undefined;
    const options = liveEjection({ maxEjectionMs: 30_000 }, () => override);
    expect(options()).toEqual({ maxEjectionMs: 30_000 });
    override = { baseEjectionMs: 500 };
    const changed = options();
    expect(changed).toEqual({ maxEjectionMs: 30_000, baseEjectionMs: 500 });
    expect(options()).toBe(changed);
    override = undefined;
    expect(options()).toEqual({ maxEjectionMs: 30_000 });
  });
});
