import { trace } from '@opentelemetry/api';
import { Writable } from 'node:stream';
import { createLogger } from './logger.factory';
import { installInMemoryTracing, type InMemoryTracing } from './testing/in-memory-tracing';

const capture = () => {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, destination };
};

describe('createLogger', () => {
  let tracing: InMemoryTracing;
  beforeAll(() => (tracing = installInMemoryTracing()));
  afterAll(() => tracing.shutdown());

  it('writes trace_id and span_id of the active span into each line', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ name: 'orders', level: 'info', destination });
    trace.getTracer('test').startActiveSpan('work', (span) => {
      logger.info('inside');
      expect(lines[0]).toMatchObject({
        msg: 'inside',
        service: 'orders',
        trace_id: span.spanContext().traceId,
        span_id: span.spanContext().spanId,
      });
      span.end();
    });
  });

  it('writes no trace fields outside a span', () => {
    const { lines, destination } = capture();
    createLogger({ name: 'orders', level: 'info', destination }).info('outside');
    expect(lines[0]).not.toHaveProperty('trace_id');
  });

  it('drops lines below its level', () => {
    const { lines, destination } = capture();
    createLogger({ name: 'orders', level: 'warn', destination }).info('quiet');
    expect(lines).toHaveLength(0);
  });
});
