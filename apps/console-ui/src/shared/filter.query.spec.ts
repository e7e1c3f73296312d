import type { LogView, TraceSummary } from '@junction/console-api';
import {
  logFilterFrom,
  logMatches,
  queryString,
  traceFilterFrom,
  traceMatches,
} from './filter.query';

describe('queryString', () => {
  it('leaves out unset and empty filters', () => {
    expect(queryString({ service: '', route: undefined, status: null, limit: 50 })).toBe(
      '?limit=50',
    );
    expect(queryString({ service: '  ' })).toBe('');
    expect(queryString({ minDurationMs: Number.NaN })).toBe('');
  });

  it('encodes route templates and free text', () => {
    expect(queryString({ route: '/api/v1/products/:id', q: 'a&b=c d' })).toBe(
      '?route=%2Fapi%2Fv1%2Fproducts%2F%3Aid&q=a%26b%3Dc+d',
    );
  });

  it('keeps zero, which is a real minimum duration', () => {
    expect(queryString({ minDurationMs: 0 })).toBe('?minDurationMs=0');
  });
});

describe('filters read from the page address', () => {
  it('drops values the API would refuse', () => {
    expect(traceFilterFrom({ status: 'weird', minDurationMs: '-3', service: ' reviews ' })).toEqual(
      {
        service: 'reviews',
        route: undefined,
        status: undefined,
        minDurationMs: undefined,
      },
    );
    expect(logFilterFrom({ level: 'loud', q: '' })).toMatchObject({
      level: undefined,
      q: undefined,
    });
  });

  it('keeps valid ones', () => {
    expect(traceFilterFrom({ status: 'degraded', minDurationMs: '250' })).toMatchObject({
      status: 'degraded',
      minDurationMs: 250,
    });
  });
});

const trace = (overrides: Partial<TraceSummary>): TraceSummary => ({
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  rootName: 'GET /api/v1/products/:id',
  rootService: 'gateway',
  route: '/api/v1/products/:id',
  startTimeUnixNano: '1735689600000000000',
  durationMs: 42,
  spanCount: 6,
  services: ['gateway', 'catalog', 'inventory', 'reviews'],
  status: 'ok',
  degraded: [],
  ...overrides,
});

describe('traceMatches', () => {
  it('matches a trace through any service it crossed', () => {
    expect(traceMatches(trace({}), { service: 'reviews' })).toBe(true);
    expect(traceMatches(trace({}), { service: 'orders' })).toBe(false);
  });

  it('applies route, status and minimum duration', () => {
    expect(traceMatches(trace({}), { route: '/api/v1/orders' })).toBe(false);
    expect(traceMatches(trace({ status: 'degraded' }), { status: 'error' })).toBe(false);
    expect(traceMatches(trace({ durationMs: 42 }), { minDurationMs: 42 })).toBe(true);
    expect(traceMatches(trace({ durationMs: 41.9 }), { minDurationMs: 42 })).toBe(false);
  });
});

const log = (overrides: Partial<LogView>): LogView => ({
  timeUnixNano: '1735689600000000000',
  service: 'reviews',
  level: 'warn',
  message: 'Upstream Catalog slow',
  attributes: {},
  ...overrides,
});

describe('logMatches', () => {
  it('treats the level as a minimum severity', () => {
    expect(logMatches(log({ level: 'error' }), { level: 'warn' })).toBe(true);
    expect(logMatches(log({ level: 'info' }), { level: 'warn' })).toBe(false);
  });

  it('searches the message case-insensitively', () => {
    expect(logMatches(log({}), { q: 'catalog' })).toBe(true);
    expect(logMatches(log({}), { q: 'inventory' })).toBe(false);
  });

  it('filters by service and trace', () => {
    expect(logMatches(log({}), { service: 'catalog' })).toBe(false);
    expect(logMatches(log({ traceId: 'abc' }), { traceId: 'abc' })).toBe(true);
    expect(logMatches(log({}), { traceId: 'abc' })).toBe(false);
  });
});
