import type { SpanView } from '@junction/console-api';
import { layoutWaterfall, timeTicks } from './waterfall.layout';

const T0 = 1735689600000000000n;
const at = (ms: number): string => (T0 + BigInt(Math.round(ms * 1e6))).toString();

const span = (
  spanId: string,
  parentSpanId: string,
  service: string,
  startMs: number,
  endMs: number,
  events: number[] = [],
): SpanView => ({
  spanId,
  parentSpanId,
  name: `${service} ${spanId}`,
  kind: parentSpanId ? 'CLIENT' : 'SERVER',
  service,
  startTimeUnixNano: at(startMs),
  endTimeUnixNano: at(endMs),
  status: { code: 'UNSET' },
  attributes: {},
  events: events.map((ms) => ({ name: 'retry', timeUnixNano: at(ms), attributes: {} })),
});

// gateway (0–100) → catalog (10–40) → catalog server (12–38)
//                 → reviews (20–90, retried at 50)
const trace = [
  span('reviews-client', 'root', 'gateway', 20, 90, [50]),
  span('root', '', 'gateway', 0, 100),
  span('catalog-server', 'catalog-client', 'catalog', 12, 38),
  span('catalog-client', 'root', 'gateway', 10, 40),
];

describe('layoutWaterfall', () => {
  it('orders spans as a tree, children after their parent by start time', () => {
    const { rows } = layoutWaterfall(trace);
    expect(rows.map((row) => [row.span.spanId, row.depth])).toEqual([
      ['root', 0],
      ['catalog-client', 1],
      ['catalog-server', 2],
      ['reviews-client', 1],
    ]);
  });

  it('positions bars by start and end on the trace time axis', () => {
    const layout = layoutWaterfall(trace);
    expect(layout.durationMs).toBe(100);
    const reviews = layout.rows.find((row) => row.span.spanId === 'reviews-client')!;
    expect(reviews.offsetPct).toBeCloseTo(20);
    expect(reviews.widthPct).toBeCloseTo(70);
    expect(reviews.startMs).toBeCloseTo(20);
    expect(reviews.durationMs).toBeCloseTo(70);
    expect(reviews.eventOffsetsPct[0]).toBeCloseTo(50);
  });

  it('counts children and lists services in order of appearance', () => {
    const layout = layoutWaterfall(trace);
    expect(layout.rows[0]!.childCount).toBe(2);
    expect(layout.services).toEqual(['gateway', 'catalog']);
  });

  it('shows spans whose parent has not arrived as orphan roots', () => {
    const { rows } = layoutWaterfall([
      span('a', '', 'gateway', 0, 10),
      span('b', 'gone', 'reviews', 2, 4),
    ]);
    expect(rows.map((row) => [row.span.spanId, row.depth, row.orphan])).toEqual([
      ['a', 0, false],
      ['b', 0, true],
    ]);
  });

  it('places every span once even when parent ids form a cycle', () => {
    const { rows } = layoutWaterfall([span('x', 'y', 'a', 0, 5), span('y', 'x', 'b', 1, 4)]);
    expect(rows.map((row) => row.span.spanId).sort()).toEqual(['x', 'y']);
  });

  it('gives zero width to a span that ends before it starts, and copes with one instant', () => {
    const { rows, durationMs } = layoutWaterfall([span('a', '', 'gateway', 5, 5)]);
    expect(durationMs).toBe(0);
    expect(rows[0]).toMatchObject({ offsetPct: 0, widthPct: 0, durationMs: 0 });
    const backwards = layoutWaterfall([span('r', '', 'g', 0, 10), span('b', 'r', 'g', 6, 3)]);
    expect(backwards.rows[1]).toMatchObject({ durationMs: 0, widthPct: 0 });
  });

  it('lays out a deep chain without recursion limits', () => {
    const chain = Array.from({ length: 5_000 }, (_, i) =>
      span(`s${i}`, i === 0 ? '' : `s${i - 1}`, 'svc', i / 1000, 30),
    );
    const { rows } = layoutWaterfall(chain);
    expect(rows).toHaveLength(5_000);
    expect(rows[4_999]!.depth).toBe(4_999);
  });
});

describe('timeTicks', () => {
  it('spreads labels from zero to the duration', () => {
    expect(timeTicks(100, 5).map((tick) => tick.ms)).toEqual([0, 25, 50, 75, 100]);
    expect(timeTicks(0)).toEqual([{ pct: 0, ms: 0 }]);
  });
});
