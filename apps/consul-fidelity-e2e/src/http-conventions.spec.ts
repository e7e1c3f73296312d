// §1 of the reference: cross-cutting HTTP behaviour of the Consul agent.
import { waitUntil } from '@junction/testing';
import {
  type AgentService,
  agentCheck,
  agentServices,
  call,
  get,
  put,
  unique,
} from './support/consul-client';
import { scratch } from './support/scratch';
import { SECOND, within } from './support/timing';

const s = scratch();

const register = (body: string) => put('/v1/agent/service/register', { body });

describe('§1.1 routing and methods', () => {
  test.each([
    ['GET', '/v1/agent/service/register', 'OPTIONS,PUT'],
    ['GET', '/v1/agent/service/deregister/x', 'OPTIONS,PUT'],
    ['GET', '/v1/agent/check/pass/x', 'OPTIONS,PUT'],
    ['POST', '/v1/agent/check/update/x', 'OPTIONS,PUT'],
    ['PUT', '/v1/agent/services', 'OPTIONS,GET'],
    ['DELETE', '/v1/agent/checks', 'OPTIONS,GET'],
    ['PUT', '/v1/health/service/x', 'OPTIONS,GET'],
    ['POST', '/v1/catalog/services', 'OPTIONS,GET'],
    ['PUT', '/v1/catalog/service/x', 'OPTIONS,GET'],
    ['POST', '/v1/kv/fidelity/x', 'OPTIONS,GET,PUT,DELETE'],
    ['GET', '/v1/session/create', 'OPTIONS,PUT'],
    ['GET', '/v1/session/renew/x', 'OPTIONS,PUT'],
    ['DELETE', '/v1/session/destroy/x', 'OPTIONS,PUT'],
    ['PUT', '/v1/session/info/x', 'OPTIONS,GET'],
    ['PUT', '/v1/status/leader', 'OPTIONS,GET'],
  ])(
    'wrong method %s %s → 405, Allow "%s", plain text "method <M> not allowed"',
    async (method, path, allow) => {
      const reply = await call(method, path);
      expect(reply.status).toBe(405);
      expect(reply.headers.get('allow')).toBe(allow);
      expect(reply.text).toBe(`method ${method} not allowed`);
      expect(reply.headers.get('content-type')).toMatch(/^text\/plain/);
    },
  );

  test('OPTIONS → 200 with the Allow header and no body', async () => {
    for (const [path, allow] of [
      ['/v1/kv/fidelity/x', 'OPTIONS,GET,PUT,DELETE'],
      ['/v1/agent/service/register', 'OPTIONS,PUT'],
      ['/v1/health/service/x', 'OPTIONS,GET'],
    ] as const) {
      const reply = await call('OPTIONS', path);
      expect(reply.status).toBe(200);
      expect(reply.headers.get('allow')).toBe(allow);
      expect(reply.text).toBe('');
    }
  });

  test('unknown path under /v1/ → 404 "Invalid URL path: not a recognized HTTP API endpoint"', async () => {
    const reply = await get('/v1/no-such-endpoint/at-all');
    expect(reply.status).toBe(404);
    expect(reply.text).toBe('Invalid URL path: not a recognized HTTP API endpoint\n');
  });

  test('unknown path outside /v1/ → 404 with a hint to use /v1/', async () => {
    const reply = await get('/no-such-page');
    expect(reply.status).toBe(404);
    expect(reply.text).toContain('/v1/');
  });
});

describe('§1.2 request bodies (strict JSON)', () => {
  test('unknown body field → 400 Request decode failed: json: unknown field "<Name>"', async () => {
    const reply = await register(JSON.stringify({ Name: unique('unknown'), Bogus: 1 }));
    expect(reply.status).toBe(400);
    expect(reply.text).toBe('Request decode failed: json: unknown field "Bogus"');
  });

  test('field names match case-insensitively (name, PORT, tags)', async () => {
    const name = s.name('casing');
    const reply = await s.register({ name, PORT: 8080, tags: ['x'] });
    expect(reply.status).toBe(200);
    const service = (await agentServices())[name];
    expect(service).toMatchObject({ ID: name, Service: name, Port: 8080, Tags: ['x'] });
  });

  test('snake_case aliases are accepted: enable_tag_override, tagged_addresses', async () => {
    const name = s.name('snake');
    const reply = await s.register({
      Name: name,
      enable_tag_override: true,
      tagged_addresses: { custom: { Address: '10.0.0.9', Port: 9 } },
    });
    expect(reply.status).toBe(200);
    const service: AgentService | undefined = (await agentServices())[name];
    expect(service?.EnableTagOverride).toBe(true);
    expect(service?.TaggedAddresses?.custom).toEqual({ Address: '10.0.0.9', Port: 9 });
  });

  test('check snake_case aliases are accepted: deregister_critical_service_after, tls_skip_verify', async () => {
    const reply = await s.register({
      Name: s.name('checksnake'),
      Check: { TTL: '1h', deregister_critical_service_after: '90m', tls_skip_verify: true },
    });
    expect(reply.status).toBe(200);
  });

  test('snake_case of a field without an alias is an unknown field → 400', async () => {
    const reply = await register(
      JSON.stringify({ Name: unique('nosnake'), Check: { TTL: '1h', output_max_size: 10 } }),
    );
    expect(reply.status).toBe(400);
    expect(reply.text).toContain('unknown field "output_max_size"');
  });

  test('empty body → 400 Request decode failed: EOF', async () => {
    const reply = await register('');
    expect(reply.status).toBe(400);
    expect(reply.text).toBe('Request decode failed: EOF');
  });

  test('truncated JSON → 400 Request decode failed: unexpected EOF', async () => {
    const reply = await register(`{"Name": "${unique('truncated')}"`);
    expect(reply.status).toBe(400);
    expect(reply.text).toMatch(/^Request decode failed: .*unexpected EOF/);
  });

  test('malformed JSON → 400 Request decode failed: invalid character …', async () => {
    const reply = await register('{Name: x}');
    expect(reply.status).toBe(400);
    expect(reply.text).toMatch(/^Request decode failed: .*invalid character/);
  });

  test('wrong JSON type → 400 Request decode failed: json: cannot unmarshal …', async () => {
    const reply = await register(JSON.stringify({ Name: 5 }));
    expect(reply.status).toBe(400);
    expect(reply.text).toMatch(/^Request decode failed: .*cannot unmarshal/);
  });

  test('unparsable duration string → 400 Request decode failed: time: invalid duration', async () => {
    const reply = await register(
      JSON.stringify({ Name: unique('badttl'), Check: { TTL: 'ten seconds' } }),
    );
    expect(reply.status).toBe(400);
    expect(reply.text).toContain('Request decode failed: time: invalid duration');
  });

  test('a JSON number duration is nanoseconds: TTL 15 is accepted and expires at once', async () => {
    const name = s.name('nanos');
    const reply = await s.register({
      Name: name,
      Check: { CheckID: `${name}-ttl`, TTL: 15, Status: 'passing' },
    });
    expect(reply.status).toBe(200);
    const check = await waitUntil(
      async () => {
        const c = await agentCheck(`${name}-ttl`);
        return c?.Status === 'critical' ? c : undefined;
      },
      { timeoutMs: within(SECOND), what: 'the 15 ns TTL to expire' },
    );
    expect(check.Output).toBe('TTL expired');
  });

  test.each(['Namespace', 'Partition'])(
    'Enterprise body field %s is an unknown field on CE → 400',
    async (field) => {
      const reply = await register(JSON.stringify({ Name: unique('ent'), [field]: 'default' }));
      expect(reply.status).toBe(400);
      expect(reply.text).toContain(`unknown field "${field}"`);
    },
  );
});

describe('§1.3 responses', () => {
  test('a write without a value → 200 with an empty body and no Content-Type', async () => {
    const reply = await s.register({ Name: s.name('empty') });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
    expect(reply.headers.get('content-type')).toBeNull();
  });

  test('a read with a value → 200 application/json, compact; ?pretty indents', async () => {
    const compact = await get('/v1/catalog/services');
    expect(compact.status).toBe(200);
    expect(compact.headers.get('content-type')).toMatch(/^application\/json/);
    expect(compact.text).not.toContain('\n');
    const pretty = await get('/v1/catalog/services?pretty');
    expect(pretty.status).toBe(200);
    expect(pretty.text).toContain('\n');
    expect(pretty.json()).toEqual(expect.objectContaining({ consul: expect.any(Array) }));
  });

  test('errors are plain text (400, 404, 405)', async () => {
    for (const reply of [
      await register(''),
      await get('/v1/nope'),
      await call('DELETE', '/v1/status/leader'),
    ]) {
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.headers.get('content-type')).toMatch(/^text\/plain/);
    }
  });

  test('?stale with ?consistent → 400 "Cannot specify ?stale with ?consistent, conflicting semantics."', async () => {
    const reply = await get('/v1/catalog/services?stale&consistent');
    expect(reply.status).toBe(400);
    expect(reply.text).toBe('Cannot specify ?stale with ?consistent, conflicting semantics.');
  });

  test('unknown datacenter → 500 No path to datacenter', async () => {
    for (const path of [
      `/v1/kv/fidelity/${unique('dc')}?dc=fidelity-nowhere`,
      `/v1/health/service/${unique('dc')}?dc=fidelity-nowhere`,
      `/v1/catalog/service/${unique('dc')}?dc=fidelity-nowhere`,
    ]) {
      const reply = await get(path);
      expect(reply.status).toBe(500);
      expect(reply.text).toContain('No path to datacenter');
    }
  });
});

describe('§1.4 headers', () => {
  test('X-Consul-Index is never 0: reads of absent things report ≥ 1', async () => {
    const replies = await Promise.all([
      get(`/v1/health/service/${unique('missing')}`),
      get(`/v1/catalog/service/${unique('missing')}`),
      get(`/v1/kv/fidelity/${unique('missing')}`),
      get(`/v1/session/info/${unique('missing')}`),
      get('/v1/catalog/services'),
    ]);
    for (const reply of replies) {
      expect(reply.headers.get('x-consul-index')).toMatch(/^[1-9]\d*$/);
    }
  });

  test('RPC-backed reads carry X-Consul-KnownLeader and X-Consul-LastContact', async () => {
    for (const reply of [
      await get(`/v1/health/service/${unique('meta')}`),
      await get('/v1/catalog/services'),
      await get(`/v1/kv/fidelity/${unique('meta')}`),
    ]) {
      expect(reply.headers.get('x-consul-knownleader')).toMatch(/^(true|false)$/);
      expect(reply.headers.get('x-consul-lastcontact')).toMatch(/^\d+$/);
    }
  });

  test('no X-Consul-Index on /v1/agent/* reads, on writes, or on /v1/status/*', async () => {
    for (const reply of [
      await get('/v1/agent/services'),
      await get('/v1/agent/checks'),
      await s.register({ Name: s.name('noindex') }),
      await put(`/v1/kv/${s.kvPrefix('noindex')}key`, { body: 'v' }),
      await get('/v1/status/leader'),
    ]) {
      expect(reply.status).toBe(200);
      expect(reply.headers.get('x-consul-index')).toBeNull();
    }
  });

  test('with ACLs disabled, tokens (?token, X-Consul-Token, Bearer) are ignored', async () => {
    const key = `fidelity/${unique('token')}`;
    for (const reply of [
      await get(`/v1/kv/${key}?token=not-a-real-token`),
      await get(`/v1/kv/${key}`, { headers: { 'X-Consul-Token': 'not-a-real-token' } }),
      await get(`/v1/kv/${key}`, { headers: { Authorization: 'Bearer not-a-real-token' } }),
    ]) {
      expect(reply.status).toBe(404);
    }
  });
});

describe('§1.5 Enterprise-only parameters on CE', () => {
  const paths = () => [`/v1/health/service/${unique('ent')}`, `/v1/kv/fidelity/${unique('ent')}`];

  test('?ns=<non-empty> → 400 Namespaces are a Consul Enterprise feature', async () => {
    for (const path of paths()) {
      const reply = await get(`${path}?ns=team`);
      expect(reply.status).toBe(400);
      expect(reply.text).toBe(
        'Invalid query parameter: "ns" - Namespaces are a Consul Enterprise feature',
      );
    }
  });

  test('X-Consul-Namespace header → 400 Namespaces are a Consul Enterprise feature', async () => {
    for (const path of paths()) {
      const reply = await get(path, { headers: { 'X-Consul-Namespace': 'team' } });
      expect(reply.status).toBe(400);
      expect(reply.text).toBe(
        'Invalid header: "X-Consul-Namespace" - Namespaces are a Consul Enterprise feature',
      );
    }
  });

  test('?partition (even "default") → 400 Partitions are a Consul Enterprise feature', async () => {
    for (const path of paths()) {
      const reply = await get(`${path}?partition=default`);
      expect(reply.status).toBe(400);
      expect(reply.text).toBe(
        'Invalid query parameter: "partition" - Partitions are a Consul Enterprise feature',
      );
    }
  });

  test('X-Consul-Partition header → 400 Partitions are a Consul Enterprise feature', async () => {
    for (const path of paths()) {
      const reply = await get(path, { headers: { 'X-Consul-Partition': 'default' } });
      expect(reply.status).toBe(400);
      expect(reply.text).toBe(
        'Invalid header: "X-Consul-Partition" - Partitions are a Consul Enterprise feature',
      );
    }
  });
});
