import { startCatalogRegistry, type CatalogTestRegistry } from './catalog-test-registry.fixture';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('agent service and check endpoints', () => {
  let reg: CatalogTestRegistry;
  beforeEach(async () => {
    reg = await startCatalogRegistry();
  });
  afterEach(() => reg.close());

  const services = async () => (await reg.api('GET', '/v1/agent/services')).json<Json>();
  const checks = async () => (await reg.api('GET', '/v1/agent/checks')).json<Json>();

  it('starts with no agent services or checks (consul and serfHealth live in the catalog only)', async () => {
    expect(await services()).toEqual({});
    expect(await checks()).toEqual({});
  });

  it('registers with an empty 200 and shows the AgentService shape', async () => {
    const res = await reg.api('PUT', '/v1/agent/service/register', {
      name: 'web',
      ID: 'web-1',
      Address: '10.0.0.5',
      Port: 8080,
      enable_tag_override: true,
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(res.headers.get('content-type')).toBeNull();
    expect(await services()).toEqual({
      'web-1': {
        ID: 'web-1',
        Service: 'web',
        Tags: [],
        Meta: {},
        Port: 8080,
        Address: '10.0.0.5',
        TaggedAddresses: {
          lan_ipv4: { Address: '10.0.0.5', Port: 8080 },
          wan_ipv4: { Address: '10.0.0.5', Port: 8080 },
        },
        Weights: { Passing: 1, Warning: 1 },
        EnableTagOverride: true,
        Datacenter: 'dc1',
      },
    });
  });

  it.each([
    [{ Port: 1 }, 400, 'Missing service name'],
    [{ Name: 'a', Address: '0.0.0.0' }, 400, 'Invalid service address'],
    [{ Name: 'a', Address: '::' }, 400, 'Invalid service address'],
    [{ Name: 'a', ID2: 'x' }, 400, 'Request decode failed: json: unknown field "ID2"'],
    [{ Name: 'a', Namespace: 'x' }, 400, 'Request decode failed: json: unknown field "Namespace"'],
    [
      { Name: 'a', Check: { ID: 'x', TTL: '1s' } },
      400,
      'Request decode failed: json: unknown field "ID"',
    ],
    [
      { Name: 'a', Check: { TTL: '10' } },
      400,
      'Request decode failed: time: missing unit in duration "10"',
    ],
    [
      { Name: 'a', Weights: { Passing: 0 } },
      400,
      'Invalid Weights: Passing must be greater than 0',
    ],
    [
      { Name: 'a', Meta: { 'consul-x': 'y' } },
      400,
      "Invalid Service Meta: Couldn't load metadata pair ('consul-x', 'y'): Key prefix 'consul-' is reserved for internal use",
    ],
    [{ Name: 'a', Checks: [{ Notes: 'x' }] }, 400, 'Invalid check: TTL must be > 0 for TTL checks'],
    [
      { Name: 'a', Check: { TTL: '1s', Interval: '1s' } },
      400,
      'Invalid check: Interval and TTL cannot both be specified',
    ],
    [
      { Name: 'a', Check: { HTTP: 'http://x' } },
      400,
      'Invalid check: Interval must be > 0 for Script, HTTP, H2PING, TCP, UDP or OSService checks',
    ],
    [
      { Name: 'a', Check: { TTL: '1s', FailuresBeforeWarning: 2 } },
      400,
      "Invalid check: FailuresBeforeWarning can't be higher than FailuresBeforeCritical",
    ],
    [
      { Name: 'a', Check: { TTL: '1s', Status: 'ok' } },
      400,
      "Status for checks must 'passing', 'warning', 'critical'",
    ],
    [{ Name: 'a', Check: { Args: ['true'], Interval: '1s' } }, 500, 'Scripts are disabled'],
  ])('refuses %j with %i', async (body, status, text) => {
    const res = await reg.api('PUT', '/v1/agent/service/register', body);
    expect(res.status).toBe(status);
    expect(res.text).toContain(text);
  });

  it('refuses an empty body and malformed JSON as decode failures', async () => {
    expect((await reg.api('PUT', '/v1/agent/service/register', '')).text).toBe(
      'Request decode failed: EOF',
    );
    expect((await reg.api('PUT', '/v1/agent/service/register', '{"Name":')).text).toBe(
      'Request decode failed: unexpected EOF',
    );
  });

  it('ignores an empty Check object and puts Check before Checks with positional IDs', async () => {
    await reg.register({ Name: 'solo', Check: {} });
    expect(await checks()).toEqual({});
    await reg.register({
      Name: 'api',
      Check: { TTL: '10m' },
      Checks: [{ TTL: '10m', Name: 'second' }],
    });
    const all = await checks();
    expect(Object.keys(all)).toEqual(['service:api:1', 'service:api:2']);
    expect(all['service:api:1']).toMatchObject({
      Name: "Service 'api' check",
      Status: 'critical',
      Type: 'ttl',
      ServiceID: 'api',
      ServiceName: 'api',
      Interval: '',
      Output: '',
    });
    expect(all['service:api:2'].Name).toBe('second');
  });

  it('gives a single check the unsuffixed ID and honours an initial Status', async () => {
    await reg.register({ Name: 'one', Check: { TTL: '10m', Status: 'passing' } });
    expect((await checks())['service:one'].Status).toBe('passing');
  });

  it('carries status and output over a re-registration and keeps unlisted checks', async () => {
    await reg.register({
      Name: 'w',
      Checks: [
        { CheckID: 'a', TTL: '10m' },
        { CheckID: 'b', TTL: '10m' },
      ],
    });
    expect((await reg.api('PUT', '/v1/agent/check/pass/a?note=fine')).status).toBe(200);
    await reg.register({ Name: 'w', Tags: ['v2'], Check: { CheckID: 'a', TTL: '10m' } });
    const all = await checks();
    expect(all.a).toMatchObject({ Status: 'passing', Output: 'fine' });
    expect(all.b.ServiceTags).toEqual(['v2']);
    await reg.register(
      { Name: 'w', Check: { CheckID: 'a', TTL: '10m' } },
      '?replace-existing-checks=1',
    );
    expect(Object.keys(await checks())).toEqual(['a', 'b']);
    await reg.register(
      { Name: 'w', Check: { CheckID: 'a', TTL: '10m' } },
      '?replace-existing-checks',
    );
    expect(Object.keys(await checks())).toEqual(['a']);
  });

  it('deregisters a service with its checks, 404 for an unknown ID', async () => {
    await reg.register({ Name: 'gone', Check: { TTL: '10m' } });
    expect((await reg.api('PUT', '/v1/agent/service/deregister/gone')).status).toBe(200);
    expect(await services()).toEqual({});
    expect(await checks()).toEqual({});
    const res = await reg.api('PUT', '/v1/agent/service/deregister/gone');
    expect(res.status).toBe(404);
    expect(res.text).toBe(
      'Unknown service ID "gone". Ensure that the service ID is passed, not the service name.',
    );
  });

  it('updates TTL checks via pass/warn/fail (?note) and update (body)', async () => {
    await reg.register({ Name: 't', Check: { CheckID: 'ttl', TTL: '10m' } });
    await reg.api('PUT', '/v1/agent/check/warn/ttl?note=slow');
    expect((await checks()).ttl).toMatchObject({ Status: 'warning', Output: 'slow' });
    await reg.api('PUT', '/v1/agent/check/pass/ttl');
    expect((await checks()).ttl).toMatchObject({ Status: 'passing', Output: '' });
    await reg.api('PUT', '/v1/agent/check/update/ttl', { Status: 'critical', Output: 'down' });
    expect((await checks()).ttl).toMatchObject({ Status: 'critical', Output: 'down' });
  });

  it('answers 404 for unknown checks and 500 for checks without a TTL', async () => {
    await reg.register({
      Name: 'h',
      Check: { CheckID: 'tcp', TCP: '127.0.0.1:1', Interval: '1h' },
    });
    const unknown = await reg.api('PUT', '/v1/agent/check/pass/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.text).toBe(
      'Unknown check ID "nope". Ensure that the check ID is passed, not the check name.',
    );
    const notTtl = await reg.api('PUT', '/v1/agent/check/fail/tcp');
    expect(notTtl.status).toBe(500);
    expect(notTtl.text).toBe('CheckID "tcp" does not have associated TTL');
  });

  it('validates the update body: status, strictness, empty body', async () => {
    await reg.register({ Name: 'u', Check: { CheckID: 'u', TTL: '10m' } });
    const bad = await reg.api('PUT', '/v1/agent/check/update/u', { Status: 'ok' });
    expect([bad.status, bad.text]).toEqual([400, "Invalid check status: 'ok'"]);
    const missing = await reg.api('PUT', '/v1/agent/check/update/u', { Output: 'x' });
    expect(missing.text).toBe("Invalid check status: ''");
    const unknown = await reg.api('PUT', '/v1/agent/check/update/u', { Status: 'passing', X: 1 });
    expect(unknown.text).toBe('Request decode failed: json: unknown field "X"');
    expect((await reg.api('PUT', '/v1/agent/check/update/u', '')).text).toBe(
      'Request decode failed: EOF',
    );
  });

  it('truncates long TTL output to the max output size', async () => {
    await reg.register({ Name: 'o', Check: { CheckID: 'o', TTL: '10m', OutputMaxSize: 10 } });
    await reg.api('PUT', `/v1/agent/check/pass/o?note=${'x'.repeat(25)}`);
    expect((await checks()).o.Output).toBe(`${'x'.repeat(10)} ... (captured 10 of 25 bytes)`);
  });

  it('answers PUT-only check routes with 405 and Allow', async () => {
    const res = await reg.api('GET', '/v1/agent/check/pass/x');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('OPTIONS,PUT');
  });

  it('filters /v1/agent/services over the AgentService values, keyed by ID', async () => {
    await reg.register({ Name: 'web', ID: 'web-1', Tags: ['primary'], Meta: { v: '1' } });
    await reg.register({ Name: 'web', ID: 'web-2', Port: 8080 });
    await reg.register({ Name: 'api', ID: 'api-1' });
    const keys = async (filter: string) => {
      const res = await reg.api('GET', `/v1/agent/services?filter=${encodeURIComponent(filter)}`);
      expect(res.status).toBe(200);
      return Object.keys(res.json<Json>());
    };
    expect(await keys('Service == web')).toEqual(['web-1', 'web-2']);
    expect(await keys('Tags contains primary or Port == 8080')).toEqual(['web-1', 'web-2']);
    expect(await keys('Meta.v == "1"')).toEqual(['web-1']);
    expect(await keys('Service != web and Datacenter == dc1')).toEqual(['api-1']);
  });

  it('filters /v1/agent/checks over the HealthCheck values', async () => {
    await reg.register({ Name: 'a', Check: { CheckID: 'ca', TTL: '10m', Status: 'passing' } });
    await reg.register({ Name: 'b', Check: { CheckID: 'cb', TTL: '10m' } });
    const res = await reg.api(
      'GET',
      `/v1/agent/checks?filter=${encodeURIComponent('Status == critical and ServiceName == b')}`,
    );
    expect(Object.keys(res.json<Json>())).toEqual(['cb']);
  });

  it('answers a bad filter with the bexpr 500 and no index header', async () => {
    const res = await reg.api('GET', '/v1/agent/services?filter=Service%20%3D%3D');
    expect(res.status).toBe(500);
    expect(res.text).toMatch(/^Failed to create boolean expression evaluator: 1:11 \(10\): /);
    expect(res.headers.get('x-consul-index')).toBeNull();
    const checks = await reg.api('GET', '/v1/agent/checks?filter=%22x');
    expect(checks.status).toBe(500);
    expect(checks.text).toContain('Unterminated string literal');
  });
});
