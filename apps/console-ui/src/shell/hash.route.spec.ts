import { hrefFor, parseHash, traceIdFromInput } from './hash.route';

describe('parseHash', () => {
  it('opens the map for an empty or unknown address', () => {
    expect(parseHash('')).toEqual({ page: 'map', params: {} });
    expect(parseHash('#/nowhere')).toEqual({ page: 'map', params: {} });
  });

  it('reads a trace id and filters', () => {
    expect(parseHash('#/traces/4bf92f3577b34da6a3ce929d0e0e4736')).toEqual({
      page: 'traces',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      params: {},
    });
    expect(parseHash('#/logs?level=warn&q=a%20b')).toEqual({
      page: 'logs',
      params: { level: 'warn', q: 'a b' },
    });
  });

  it('survives malformed escapes', () => {
    expect(parseHash('#/traces/%E0%A4%A')).toMatchObject({ page: 'traces', traceId: '%E0%A4%A' });
  });
});

describe('hrefFor', () => {
  it('round-trips through parseHash', () => {
    const href = hrefFor('traces', { params: { route: '/api/v1/products/:id', status: 'error' } });
    expect(parseHash(href)).toEqual({
      page: 'traces',
      params: { route: '/api/v1/products/:id', status: 'error' },
    });
  });

  it('leaves out empty parameters', () => {
    expect(hrefFor('logs', { params: { service: '', level: undefined } })).toBe('#/logs');
  });

  it('escapes a trace id so it cannot change the route', () => {
    expect(hrefFor('traces', { traceId: 'a/b?c' })).toBe('#/traces/a%2Fb%3Fc');
    expect(parseHash(hrefFor('traces', { traceId: 'a/b?c' })).traceId).toBe('a/b?c');
  });
});

describe('traceIdFromInput', () => {
  it('accepts a bare id, a header line or a traceparent', () => {
    const id = '4bf92f3577b34da6a3ce929d0e0e4736';
    expect(traceIdFromInput(`  ${id.toUpperCase()} `)).toBe(id);
    expect(traceIdFromInput(`X-Trace-Id: ${id}`)).toBe(id);
    expect(traceIdFromInput(`00-${id}-00f067aa0ba902b7-01`)).toBe(id);
  });

  it('gives nothing for an empty input', () => {
    expect(traceIdFromInput('   ')).toBeUndefined();
  });
});
