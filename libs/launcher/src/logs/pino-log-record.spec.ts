import pino from 'pino';
import { Writable } from 'node:stream';
import { logRecordFromLine, MAX_VALUE_LENGTH } from './pino-log-record';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';
const NOW = 1_700_000_000_123;

/** Lines exactly as pino writes them. */
function pinoLines(log: (logger: pino.Logger) => void): string[] {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  log(pino({ name: 'catalog', level: 'trace' }, sink));
  return lines;
}

describe('logRecordFromLine', () => {
  it('maps a pino line: time, severity, body, trace context, the rest as attributes', () => {
    const [line] = pinoLines((logger) =>
      logger.warn(
        {
          trace_id: TRACE,
          span_id: SPAN,
          route: '/api/v1/products/:id',
          status: 503,
          ratio: 0.25,
          degraded: true,
        },
        'upstream slow',
      ),
    );
    const time = JSON.parse(line).time as number;
    const record = logRecordFromLine(line, 'stdout', NOW);
    expect(record).toMatchObject({
      timeUnixNano: `${time}000000`,
      observedTimeUnixNano: `${NOW}000000`,
      severityNumber: 13,
      severityText: 'WARN',
      body: { stringValue: 'upstream slow' },
      traceId: TRACE,
      spanId: SPAN,
    });
    const attributes = Object.fromEntries(record.attributes.map((a) => [a.key, a.value]));
    expect(attributes).toEqual({
      pid: { intValue: String(process.pid) },
      hostname: { stringValue: expect.any(String) },
      name: { stringValue: 'catalog' },
      route: { stringValue: '/api/v1/products/:id' },
      status: { intValue: '503' },
      ratio: { doubleValue: 0.25 },
      degraded: { boolValue: true },
      'log.iostream': { stringValue: 'stdout' },
    });
  });

  it.each([
    ['trace', 1, 'TRACE'],
    ['debug', 5, 'DEBUG'],
    ['info', 9, 'INFO'],
    ['warn', 13, 'WARN'],
    ['error', 17, 'ERROR'],
    ['fatal', 21, 'FATAL'],
  ] as const)('gives pino %s severity %i %s', (level, number, text) => {
    const [line] = pinoLines((logger) => logger[level]('x'));
    expect(logRecordFromLine(line, 'stdout')).toMatchObject({
      severityNumber: number,
      severityText: text,
    });
  });

  it('flattens an error into dotted attributes', () => {
    const [line] = pinoLines((logger) =>
      logger.error({ err: new TypeError('bad input') }, 'failed'),
    );
    const keys = logRecordFromLine(line, 'stderr').attributes.map((a) => a.key);
    expect(keys).toEqual(expect.arrayContaining(['err.type', 'err.message', 'err.stack']));
    const message = logRecordFromLine(line, 'stderr').attributes.find(
      (a) => a.key === 'err.message',
    );
    expect(message?.value).toEqual({ stringValue: 'bad input' });
  });

  it('keeps a line that is not pino JSON as INFO text', () => {
    for (const line of [
      'catalog failed to start: EADDRINUSE',
      '{"not":"pino"}',
      '[1,2]',
      '{broken',
    ]) {
      expect(logRecordFromLine(line, 'stderr', NOW)).toEqual({
        timeUnixNano: `${NOW}000000`,
        observedTimeUnixNano: `${NOW}000000`,
        severityNumber: 9,
        severityText: 'INFO',
        body: { stringValue: line },
        attributes: [{ key: 'log.iostream', value: { stringValue: 'stderr' } }],
      });
    }
  });

  it('leaves out trace ids that are not W3C ids', () => {
    const line = JSON.stringify({
      level: 30,
      time: NOW,
      msg: 'm',
      trace_id: '0'.repeat(32),
      span_id: 'xyz',
    });
    const record = logRecordFromLine(line, 'stdout');
    expect(record.traceId).toBeUndefined();
    expect(record.spanId).toBeUndefined();
  });

  it('cuts a runaway value', () => {
    const line = JSON.stringify({ level: 30, time: NOW, msg: 'x'.repeat(MAX_VALUE_LENGTH * 2) });
    const body = logRecordFromLine(line, 'stdout').body as { stringValue: string };
    expect(body.stringValue).toHaveLength(MAX_VALUE_LENGTH + 1);
  });
});
