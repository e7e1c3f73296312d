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

  it('refuses filters, other datacenters and stale+consistent', async () => {
    const filter = await health('consul?filter=x');
    expect(filter.status).toBe(500);
    expect(filter.text).toBe(
      'Failed to create boolean expression evaluator: filter expressions are not supported by the dev registry',
    );
    expect((await health('consul?dc=elsewhere')).text).toBe('No path to datacenter');
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
