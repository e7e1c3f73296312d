import { seriesColumns, sparkRange } from './series';

describe('seriesColumns', () => {
  it('picks one value per point, oldest first', () => {
    const history = [
      [100, 5, 0.1, 20],
      [101, 6, 0.2, 25],
    ] as const;
    expect(seriesColumns(history, 1)).toEqual([
      [100, 101],
      [5, 6],
    ]);
    expect(seriesColumns(history, 3)).toEqual([
      [100, 101],
      [20, 25],
    ]);
  });

  it('skips non-finite values and points that do not move forward in time', () => {
    const history = [
      [100, 1],
      [100, 2],
      [99, 3],
      [101, Number.NaN],
      [102, 4],
    ] as const;
    expect(seriesColumns(history, 1)).toEqual([
      [100, 102],
      [1, 4],
    ]);
  });
});

describe('sparkRange', () => {
  it('starts at zero and never collapses to an empty range', () => {
    expect(sparkRange(0)).toEqual([0, 1]);
    expect(sparkRange(100)[1]).toBeCloseTo(115);
  });

  it('keeps small values small against a floor', () => {
    expect(sparkRange(0.002, 0.05)).toEqual([0, 0.05]);
    expect(sparkRange(0.5, 0.05)[1]).toBeCloseTo(0.575);
  });
});
