import type { SpanView } from '@junction/console-api';
import { eventKind, resilienceMarks, sortedAttributes } from './resilience.marks';

const span = (overrides: Partial<SpanView>): SpanView => ({
  spanId: '00f067aa0ba902b7',
  parentSpanId: '',
  name: 'reviews.Reviews/ListReviews',
  kind: 'CLIENT',
  service: 'gateway',
  startTimeUnixNano: '1735689600000000000',
  endTimeUnixNano: '1735689600050000000',
  status: { code: 'UNSET' },
  attributes: {},
  events: [],
  ...overrides,
});

const kinds = (s: SpanView): string[] => resilienceMarks(s).map((mark) => mark.kind);

describe('resilienceMarks', () => {
  it('flags nothing on a plain successful call', () => {
    expect(resilienceMarks(span({}))).toEqual([]);
  });

  it('counts retries from events and attempts', () => {
    const retried = span({
      attributes: { 'junction.attempts': 3 },
      events: [
        { name: 'retry', timeUnixNano: '1735689600010000000', attributes: { attempt: 2 } },
        { name: 'retry', timeUnixNano: '1735689600020000000', attributes: { attempt: 3 } },
      ],
    });
    expect(resilienceMarks(retried)).toEqual([{ kind: 'retry', label: '3 attempts' }]);
  });

  it('names the policy that rejected the call', () => {
    expect(
      kinds(
        span({ attributes: { 'junction.rejected': 'breaker-open', 'junction.breaker': 'open' } }),
      ),
    ).toEqual(['breaker']);
    expect(kinds(span({ attributes: { 'junction.rejected': 'bulkhead-full' } }))).toEqual([
      'bulkhead',
    ]);
    expect(kinds(span({ attributes: { 'junction.rejected': 'budget-spent' } }))).toEqual([
      'deadline',
    ]);
  });

  it('flags fallbacks, injected faults and degraded answers', () => {
    expect(
      kinds(
        span({
          attributes: {
            'junction.fallback': true,
            'junction.fault.latency_ms': 200,
            'junction.degraded': ['reviews'],
          },
        }),
      ),
    ).toEqual(['fallback', 'fault', 'degraded']);
    expect(
      resilienceMarks(span({ attributes: { 'junction.fault.error': 'UNAVAILABLE' } })),
    ).toEqual([{ kind: 'fault', label: 'fault UNAVAILABLE' }]);
  });

  it('flags an error status with its message', () => {
    expect(resilienceMarks(span({ status: { code: 'ERROR', message: '14 UNAVAILABLE' } }))).toEqual(
      [{ kind: 'error', label: 'error', detail: '14 UNAVAILABLE' }],
    );
  });
});

describe('eventKind', () => {
  it('classifies resilience events by name', () => {
    expect(eventKind('breaker.open')).toBe('breaker');
    expect(eventKind('deadline.exceeded')).toBe('deadline');
    expect(eventKind('fault.injected')).toBe('fault');
    expect(eventKind('cache.hit')).toBeUndefined();
  });
});

describe('sortedAttributes', () => {
  it('puts junction.* decisions first', () => {
    expect(
      sortedAttributes({ 'rpc.method': 'x', 'junction.attempts': 2, 'a.b': 1 }).map(([k]) => k),
    ).toEqual(['junction.attempts', 'a.b', 'rpc.method']);
  });
});
