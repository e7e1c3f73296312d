import { compareNanos, millisBetween, nanos, unixMillis } from './time.nanos';

describe('nanosecond times', () => {
  it('subtracts times beyond 2^53 without losing the microseconds', () => {
    expect(millisBetween('1735689600123456789', '1735689600125956789')).toBe(2.5);
    expect(millisBetween('1735689600000001000', '1735689600000000000')).toBe(-0.001);
  });

  it('reads malformed times as zero instead of throwing', () => {
    expect(nanos('')).toBe(0n);
    expect(nanos('12e3')).toBe(0n);
    expect(nanos('-5')).toBe(0n);
  });

  it('gives unix milliseconds for dates', () => {
    expect(unixMillis('1735689600123456789')).toBe(1735689600123);
  });

  it('orders by numeric value, not by string', () => {
    expect(compareNanos('999', '1000')).toBeLessThan(0);
    expect(compareNanos('1735689600000000002', '1735689600000000001')).toBeGreaterThan(0);
    expect(compareNanos('0042', '42')).toBe(0);
  });
});
