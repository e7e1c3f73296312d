import {
  startCatalogRegistry,
  TEST_NODE,
  type CatalogTestRegistry,
} from './catalog-test-registry.fixture';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('health and catalog reads', () => {
  let reg: CatalogTestRegistry;
  beforeEach(async () => {
    reg = await startCatalogRegistry();
  });
  afterEach(() => reg.close());

  const health = (path: string) => reg.api('GET', `/v1/health/service/${path}`);
  const index = (res: { headers: Headers }) => Number(res.headers.get('x-consul-index'));

  it('lists the consul service with serfHealth from the start', async () => {
    const res = await health('consul');
    const [entry] = res.json<Json[]>();
    expect(entry.Node).toMatchObject({
      ID: TEST_NODE.id,
      Node: 'test-node',
      Address: '127.0.0.1',
      Datacenter: 'dc1',
    });
    expect(entry.Service).toMatchObject({ ID: 'consul', Service: 'consul', Port: 8300 });
    expect(entry.Checks).toEqual([
      expect.objectContaining({
        CheckID: 'serfHealth',
        Name: 'Serf Health Status',
        Status: 'passing',
        ServiceID: '',
        ServiceTags: [],
      }),
    ]);
    expect(res.headers.get('x-consul-knownleader')).toBe('true');
    expect(res.headers.get('x-consul-query-backend')).toBe('blocking-query');
    expect(res.headers.get('x-consul-effective-consistency')).toBe('leader');
  });

  it('puts node checks first, then the instance checks; Meta null and Port omitted when unset', async () => {
    await reg.register({
      Name: 'web',
      Checks: [
        { CheckID: 'b', TTL: '10m' },
        { CheckID: 'a', TTL: '10m' },
      ],
    });
    const [entry] = (await health('web')).json<Json[]>();
    expect(entry.Checks.map((c: Json) => c.CheckID)).toEqual(['serfHealth', 'a', 'b']);
    expect(entry.Service.Meta).toBeNull();
    expect('Port' in entry.Service).toBe(false);
  });

  it('answers [] with index >= 1 for a missing service and 400 without a name', async () => {
    const res = await health('nothing');
    expect(res.json()).toEqual([]);
    expect(index(res)).toBeGreaterThanOrEqual(1);
    const noName = await health('');
    expect([noName.status, noName.text]).toEqual([400, 'Missing service name']);
  });

  it('filters ?passing (warning counts as failing) and ?tag (all, case-insensitive)', async () => {
    await reg.register({
      Name: 'svc',
      ID: 'ok',
      Tags: ['Blue', 'v1'],
      Check: { CheckID: 'ok', TTL: '10m', Status: 'passing' },
    });
    await reg.register({
      Name: 'svc',
      ID: 'warn',
      Tags: ['blue'],
      Check: { CheckID: 'warn', TTL: '10m', Status: 'warning' },
    });
    const ids = async (query: string) =>
      (await health(`svc${query}`))
        .json<Json[]>()
        .map((e) => e.Service.ID)
        .sort();
    expect(await ids('')).toEqual(['ok', 'warn']);
    expect(await ids('?passing')).toEqual(['ok']);
    expect(await ids('?passing=false')).toEqual(['ok', 'warn']);
    expect(await ids('?tag=BLUE')).toEqual(['ok', 'warn']);
    expect(await ids('?tag=blue&tag=v1')).toEqual(['ok']);
    const bad = await health('svc?passing=yes');
    expect([bad.status, bad.text]).toEqual([400, 'Invalid value for ?passing']);
  });

  it('blocks until a check of the service changes status, then returns a higher index', async () => {
    await reg.register({ Name: 'b', Check: { CheckID: 'b', TTL: '10m' } });
    const first = await health('b');
    const blocked = health(`b?index=${index(first)}&wait=5m`);
    await reg.api('PUT', '/v1/agent/check/pass/b');
    const woke = await blocked;
    expect(index(woke)).toBeGreaterThan(index(first));
    expect(woke.json<Json[]>()[0].Checks[1].Status).toBe('passing');
  });

  it('does not wake a blocked read for changes to other services', async () => {
    await reg.register({ Name: 'quiet', Check: { CheckID: 'q', TTL: '10m' } });
    const first = await health('quiet');
    const blocked = health(`quiet?index=${index(first)}&wait=1s`);
    await reg.register({ Name: 'noisy' });
    const res = await blocked;
    expect(index(res)).toBe(index(first));
  });

  it('reports the last-extinction index for a missing service', async () => {
    await reg.register({ Name: 'temp' });
    await reg.api('PUT', '/v1/agent/service/deregister/temp');
    const after = await health('temp');
    const missing = await health('never-there');
    expect(index(missing)).toBe(index(after));
    expect(index(after)).toBeGreaterThan(1);
  });

  it('returns the ?passing 400 only after the blocking wait', async () => {
    const first = await health('consul');
    const started = Date.now();
    const res = await health(`consul?index=${index(first)}&wait=2s&passing=maybe`);
    expect(res.status).toBe(400);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });

  it('lists catalog services as name → tags, consul always present', async () => {
    await reg.register({ Name: 'web', ID: 'w1', Tags: ['a'] });
    await reg.register({ Name: 'web', ID: 'w2', Tags: ['a', 'b'] });
    const res = await reg.api('GET', '/v1/catalog/services');
    expect(res.json()).toEqual({ consul: [], web: ['a', 'b'] });
    expect(index(res)).toBeGreaterThanOrEqual(1);
  });

  it('lists catalog service nodes in the ServiceNode shape with ?tag', async () => {
    await reg.register({ Name: 'api', ID: 'api-1', Tags: ['x'], Port: 9 });
    await reg.register({ Name: 'api', ID: 'api-2' });
    const all = (await reg.api('GET', '/v1/catalog/service/api')).json<Json[]>();
    expect(all.map((n) => n.ServiceID)).toEqual(['api-1', 'api-2']);
    expect(all[0]).toMatchObject({
      ID: TEST_NODE.id,
      Node: 'test-node',
      ServiceName: 'api',
      ServiceTags: ['x'],
      ServicePort: 9,
      ServiceWeights: { Passing: 1, Warning: 1 },
    });
    const tagged = (await reg.api('GET', '/v1/catalog/service/api?tag=X')).json<Json[]>();
    expect(tagged.map((n) => n.ServiceID)).toEqual(['api-1']);
    const noName = await reg.api('GET', '/v1/catalog/service/');
    expect([noName.status, noName.text]).toEqual([400, 'Missing service name']);
  });

  it('evaluates ?filter per health entry, after the index, before ?passing', async () => {
    await reg.register({
      Name: 'f',
      ID: 'f-primary',
      Tags: ['primary'],
      Meta: { version: '2' },
      Check: { CheckID: 'f-primary', TTL: '10m', Status: 'critical' },
    });
    await reg.register({ Name: 'f', ID: 'f-replica', Tags: ['replica'], Port: 0 });
    const ids = async (query: string) => {
      const res = await health(`f?${query}`);
      expect(res.status).toBe(200);
      expect(index(res)).toBeGreaterThanOrEqual(1);
      return res
        .json<Json[]>()
        .map((e) => e.Service.ID)
        .sort();
    };
    const q = (filter: string) => `filter=${encodeURIComponent(filter)}`;
    expect(await ids(q('Service.Tags contains "primary"'))).toEqual(['f-primary']);
    expect(await ids(q('Service.Meta.version == 2'))).toEqual(['f-primary']);
    expect(await ids(q('Checks.Status == critical'))).toEqual(['f-primary']);
    expect(await ids(q('Node.Node == "test-node" and Service.Port == 0'))).toEqual([
      'f-primary',
      'f-replica',
    ]);
    expect(await ids(q('not Service.ID matches "primary$"'))).toEqual(['f-replica']);
    expect(await ids(`${q('Service.Tags contains "primary"')}&passing`)).toEqual([]);
    expect(await ids('filter=')).toEqual(['f-primary', 'f-replica']);
  });

  it('answers a bad ?filter and another datacenter with 500s that carry the query meta', async () => {
    const bad = await health(`consul?filter=${encodeURIComponent('Service.Service ==')}`);
    expect(bad.status).toBe(500);
    expect(bad.text).toBe(
      'Failed to create boolean expression evaluator: 1:19 (18): no match found, expected: a value (string, number or bare word), got end of input',
    );
    expect(bad.headers.get('x-consul-index')).toBe('1');
    const dc = await health('consul?dc=elsewhere');
    expect([dc.status, dc.text]).toEqual([500, 'No path to datacenter']);
    expect(dc.headers.get('x-consul-index')).toBe('1');
    const unevaluable = await health(`consul?filter=${encodeURIComponent('Nope == 1')}`);
    expect(unevaluable.status).toBe(500);
    expect(unevaluable.text).toContain('error finding value in datum');
  });

  it('filters catalog service nodes and the catalog services map over ServiceNode entries', async () => {
    await reg.register({ Name: 'web', ID: 'w1', Tags: ['a'], Meta: { tier: 'front' } });
    await reg.register({ Name: 'web', ID: 'w2', Tags: ['b'] });
    await reg.register({ Name: 'db', ID: 'd1', Tags: ['a'] });
    const q = (filter: string) => `filter=${encodeURIComponent(filter)}`;
    const nodes = await reg.api('GET', `/v1/catalog/service/web?${q('ServiceTags contains b')}`);
    expect(nodes.json<Json[]>().map((n) => n.ServiceID)).toEqual(['w2']);
    const byMeta = await reg.api(
      'GET',
      `/v1/catalog/service/web?${q('ServiceMeta.tier == front')}`,
    );
    expect(byMeta.json<Json[]>().map((n) => n.ServiceID)).toEqual(['w1']);
    const services = await reg.api('GET', `/v1/catalog/services?${q('"a" in ServiceTags')}`);
    expect(services.status).toBe(200);
    expect(services.json()).toEqual({ db: ['a'], web: ['a'] });
    const consul = await reg.api('GET', `/v1/catalog/services?${q('ServiceName == consul')}`);
    expect(consul.json()).toEqual({ consul: [] });
    const bad = await reg.api('GET', `/v1/catalog/services?${q('(')}`);
    expect(bad.status).toBe(500);
    expect(bad.text).toMatch(/^Failed to create boolean expression evaluator: /);
    expect(bad.headers.get('x-consul-index')).toBe('1');
  });

  it('sends the meta headers with catalog RPC errors (unknown dc), not with a missing name', async () => {
    const res = await reg.api('GET', '/v1/catalog/service/api?dc=nowhere');
    expect([res.status, res.text]).toEqual([500, 'No path to datacenter']);
    expect(res.headers.get('x-consul-index')).toBe('1');
    expect(res.headers.get('x-consul-knownleader')).toBe('false');
    expect(res.headers.get('x-consul-lastcontact')).toBe('0');
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const services = await reg.api('GET', '/v1/catalog/services?dc=nowhere');
    expect(services.headers.get('x-consul-index')).toBe('1');
    const noName = await reg.api('GET', '/v1/catalog/service/?dc=nowhere');
    expect(noName.status).toBe(400);
    expect(noName.headers.get('x-consul-index')).toBeNull();
  });

  it('sends the query meta with the ?passing 400', async () => {
    const res = await health('consul?passing=maybe');
    expect(res.status).toBe(400);
    expect(index(res)).toBeGreaterThanOrEqual(1);
  });

  it('refuses stale+consistent and reports the consistency', async () => {
    const both = await reg.api('GET', '/v1/catalog/services?stale&consistent');
    expect([both.status, both.text]).toEqual([
      400,
      'Cannot specify ?stale with ?consistent, conflicting semantics.',
    ]);
    expect((await health('consul?stale')).headers.get('x-consul-effective-consistency')).toBe(
      'stale',
    );
  });
});
