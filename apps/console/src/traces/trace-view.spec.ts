import type { SpanView } from '@junction/console-api';
import type { StoredSpan } from './stored-span';
import { toTraceView } from './trace-view';

const span = (spanId: string, parentSpanId: string, startMs: number): StoredSpan => ({
  traceId: 't',
  view: { spanId, parentSpanId, name: spanId } as SpanView,
  startMs,
  endMs: startMs + 1,
});

describe('a trace’s view', () => {
  it('orders spans by start, parents first among spans that started together', () => {
    const view = toTraceView('t', [
      span('grandchild', 'child', 5),
      span('child', 'root', 5),
      span('root', '', 5),
      span('late', 'root', 9),
    ]);
    expect(view.spans.map((s) => s.spanId)).toEqual(['root', 'child', 'grandchild', 'late']);
  });

  it('survives parent cycles and very deep chains', () => {
    const cycle = [span('a', 'b', 1), span('b', 'a', 1)];
    expect(toTraceView('t', cycle).spans).toHaveLength(2);
    const chain = Array.from({ length: 50_000 }, (_, i) =>
      span(`s${i}`, i === 0 ? '' : `s${i - 1}`, 0),
    );
    const view = toTraceView('t', [...chain].reverse());
    expect(view.spans[0]?.spanId).toBe('s0');
    expect(view.spans.at(-1)?.spanId).toBe('s49999');
  });
});
