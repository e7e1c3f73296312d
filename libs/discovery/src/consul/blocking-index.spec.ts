import { nextIndex, parseIndexHeader } from './blocking-index';

describe('blocking index rules', () => {
  it('keeps a growing index', () => expect(nextIndex(5n, 9n)).toBe(9n));
  it('resets to 0 when the index goes backwards', () => expect(nextIndex(9n, 5n)).toBe(0n));
  it('treats 0 as 1', () => expect(nextIndex(0n, 0n)).toBe(1n));
  it('parses the header as a uint64 and nothing else', () => {
    expect(parseIndexHeader('18446744073709551615')).toBe(18446744073709551615n);
    expect(parseIndexHeader(undefined)).toBeUndefined();
    expect(parseIndexHeader('-1')).toBeUndefined();
    expect(parseIndexHeader('12a')).toBeUndefined();
  });
});
