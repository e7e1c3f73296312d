import {
  formatAttribute,
  formatCount,
  formatDuration,
  formatRate,
  formatRatio,
  formatSince,
} from './display.format';

describe('formatDuration', () => {
  it('switches units at the microsecond, second and minute', () => {
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(0.25)).toBe('250 µs');
    expect(formatDuration(3.456)).toBe('3.46 ms');
    expect(formatDuration(45.04)).toBe('45 ms');
    expect(formatDuration(1250)).toBe('1.25 s');
    expect(formatDuration(90_000)).toBe('1.5 min');
  });

  it('shows a dash for values that are not numbers', () => {
    expect(formatDuration(Number.NaN)).toBe('–');
  });
});

describe('formatRate', () => {
  it('keeps small rates visible and shortens large ones', () => {
    expect(formatRate(0)).toBe('0/s');
    expect(formatRate(0.001)).toBe('<0.01/s');
    expect(formatRate(0.5)).toBe('0.5/s');
    expect(formatRate(123.45)).toBe('123.5/s');
    expect(formatRate(12_345)).toBe('12.3k/s');
  });
});

describe('formatRatio', () => {
  it('renders percentages without hiding tiny error ratios', () => {
    expect(formatRatio(0)).toBe('0%');
    expect(formatRatio(0.00001)).toBe('<0.01%');
    expect(formatRatio(0.0123)).toBe('1.23%');
    expect(formatRatio(0.5)).toBe('50%');
  });
});

describe('formatCount', () => {
  it('separates thousands', () => {
    expect(formatCount(100_000)).toBe('100,000');
    expect(formatCount(999)).toBe('999');
  });
});

describe('formatAttribute', () => {
  it('renders scalars as text and arrays as JSON', () => {
    expect(formatAttribute(true)).toBe('true');
    expect(formatAttribute(404)).toBe('404');
    expect(formatAttribute(['a', 'b,c'])).toBe('["a","b,c"]');
    expect(formatAttribute('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('formatSince', () => {
  const now = Date.parse('2025-01-01T12:00:00Z');
  it('rounds down to the largest useful unit', () => {
    expect(formatSince('2025-01-01T11:59:15Z', now)).toBe('45 s');
    expect(formatSince('2025-01-01T11:48:00Z', now)).toBe('12 min');
    expect(formatSince('2025-01-01T08:55:00Z', now)).toBe('3 h 5 min');
    expect(formatSince('2025-01-01T09:00:00Z', now)).toBe('3 h');
    expect(formatSince('2024-12-30T11:00:00Z', now)).toBe('2 d');
  });

  it('shows a dash for a time it cannot read, and never a negative age', () => {
    expect(formatSince('yesterday-ish', now)).toBe('–');
    expect(formatSince('2025-01-01T12:00:05Z', now)).toBe('0 s');
  });
});
