import { formatGoDuration, parseGoDuration } from './go-duration';

describe('parseGoDuration', () => {
  it.each([
    ['10s', 10e9],
    ['1m30s', 90e9],
    ['500ms', 500e6],
    ['1.5h', 5400e9],
    ['2h45m', 9900e9],
    ['300us', 300e3],
    ['300µs', 300e3],
    ['15ns', 15],
    ['0', 0],
    ['-1s', -1e9],
    ['.5s', 500e6],
  ])('reads %s', (text, ns) => {
    expect(parseGoDuration(text)).toBe(ns);
  });

  it('refuses a number without a unit, as Go does', () => {
    expect(() => parseGoDuration('10')).toThrow('time: missing unit in duration "10"');
  });

  it('names an unknown unit, as Go does', () => {
    expect(() => parseGoDuration('10x')).toThrow('time: unknown unit "x" in duration "10x"');
  });

  it.each(['', 'abc', 's', '1m30'])('refuses %j', (text) => {
    expect(() => parseGoDuration(text)).toThrow(
      /^time: (invalid duration|missing unit in duration)/,
    );
  });
});

describe('formatGoDuration', () => {
  it.each([
    [0, '0s'],
    [10e9, '10s'],
    [90e9, '1m30s'],
    [3600e9, '1h0m0s'],
    [500e6, '500ms'],
    [1.5e9, '1.5s'],
  ])('writes %s ns as %s', (ns, text) => {
    expect(formatGoDuration(ns)).toBe(text);
  });
});
