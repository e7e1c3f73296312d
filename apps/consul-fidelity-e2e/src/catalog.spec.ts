// §4 of the reference: /v1/catalog/services and /v1/catalog/service/:service.
import { type CatalogServiceNode, enc, get, put, unique } from './support/consul-client';
import { scratch } from './support/scratch';
import { MINUTE, scaled } from './support/timing';

const s = scratch();

const servicePath = (name: string, query = '') => `/v1/catalog/service/${enc(name)}${query}`;
const serviceIds = async (name: string, query = '') =>
  (await get(servicePath(name, query)))
    .json<CatalogServiceNode[]>()
    .map((n) => n.ServiceID)
    .sort();

describe('§4.1 GET /v1/catalog/services', () => {
  test("an object of service name → tags of all its instances; the agent's own consul service is listed", async () => {
    const name = s.name('tags');
    await s.mustRegister({ Name: name, ID: `${name}-1`, Tags: ['a', 'b'] });
    await s.mustRegister({ Name: name, ID: `${name}-2`, Tags: ['b', 'c'] });
    const reply = await get('/v1/catalog/services');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    const services = reply.json<Record<string, string[]>>();
    expect(services.consul).toEqual(expect.any(Array));
    expect([...new Set(services[name])].sort()).toEqual(['a', 'b', 'c']);
  });

  test('a service without tags maps to []', async () => {
    const name = s.name('notags');
    await s.mustRegister({ Name: name });
    expect((await get('/v1/catalog/services')).json<Record<string, string[]>>()[name]).toEqual([]);
  });

  test('carries X-Consul-Index, KnownLeader, LastContact and Effective-Consistency', async () => {
    const reply = await get('/v1/catalog/services');
    expect(reply.headers.get('x-consul-index')).toMatch(/^[1-9]\d*$/);
    expect(reply.headers.get('x-consul-knownleader')).toMatch(/^(true|false)$/);
    expect(reply.headers.get('x-consul-lastcontact')).toMatch(/^\d+$/);
    expect(reply.headers.get('x-consul-effective-consistency')).toBe('leader');
  });

  test('a deregistered service (its last instance) disappears', async () => {
    const name = s.name('gone');
    await s.mustRegister({ Name: name });
    expect((await get('/v1/catalog/services')).json<Record<string, unknown>>()).toHaveProperty(
      name,
    );
    await put(`/v1/agent/service/deregister/${name}`);
    expect((await get('/v1/catalog/services')).json<Record<string, unknown>>()).not.toHaveProperty(
      name,
    );
  });

  test('a blocking query returns when a service is registered, with a higher index', async () => {
    const index = (await get('/v1/catalog/services')).index();
    const name = s.name('block');
    const pending = get(`/v1/catalog/services?index=${index}&wait=1m`);
    await get('/v1/status/leader');
    await s.mustRegister({ Name: name });
    const reply = await pending;
    expect(reply.status).toBe(200);
    expect(reply.index()).toBeGreaterThan(index);
    expect(reply.elapsedMs).toBeLessThan(scaled(MINUTE));
    // Another test may have woken it first on a shared agent; the catalog has it by now anyway.
    expect((await get('/v1/catalog/services')).json<Record<string, unknown>>()).toHaveProperty(
      name,
    );
  });
});

describe('§4.2 GET /v1/catalog/service/:service', () => {
  test('an array of ServiceNode with node and service fields', async () => {
    const name = s.name('nodes');
    await s.mustRegister({
      Name: name,
      ID: `${name}-1`,
      Address: '10.9.8.7',
      Port: 9090,
      Tags: ['x'],
      Meta: { version: '2' },
    });
    const reply = await get(servicePath(name));
    expect(reply.status).toBe(200);
    expect(reply.index()).toBeGreaterThanOrEqual(1);
    const [node, ...rest] = reply.json<CatalogServiceNode[]>();
    expect(rest).toEqual([]);
    expect(node).toMatchObject({
      ID: expect.any(String),
      Node: expect.any(String),
      Address: expect.any(String),
      Datacenter: expect.any(String),
      ServiceID: `${name}-1`,
      ServiceName: name,
      ServiceTags: ['x'],
      ServiceAddress: '10.9.8.7',
      ServicePort: 9090,
      ServiceMeta: { version: '2' },
      ServiceWeights: { Passing: 1, Warning: 1 },
      ServiceEnableTagOverride: false,
    });
    for (const field of [
      'TaggedAddresses',
      'NodeMeta',
      'ServiceKind',
      'CreateIndex',
      'ModifyIndex',
    ]) {
      expect(node).toHaveProperty(field);
    }
  });

  test('ServiceTags is [] when the instance has no tags', async () => {
    const name = s.name('emptytags');
    await s.mustRegister({ Name: name });
    const [node] = (await get(servicePath(name))).json<CatalogServiceNode[]>();
    expect(node?.ServiceTags).toEqual([]);
  });

  test('no health filtering: critical instances are listed, and ?passing is not a filter here', async () => {
    const name = s.name('nohealth');
    await s.mustRegister({
      Name: name,
      ID: `${name}-crit`,
      Check: { CheckID: `${name}-crit-ttl`, TTL: '1h', Status: 'critical' },
    });
    await s.mustRegister({
      Name: name,
      ID: `${name}-ok`,
      Check: { CheckID: `${name}-ok-ttl`, TTL: '1h', Status: 'passing' },
    });
    expect(await serviceIds(name)).toEqual([`${name}-crit`, `${name}-ok`]);
    expect(await serviceIds(name, '?passing')).toEqual([`${name}-crit`, `${name}-ok`]);
  });

  test('?tag filters case-insensitively', async () => {
    const name = s.name('tagfilter');
    await s.mustRegister({ Name: name, ID: `${name}-a`, Tags: ['Blue'] });
    await s.mustRegister({ Name: name, ID: `${name}-b`, Tags: ['green'] });
    expect(await serviceIds(name, '?tag=blue')).toEqual([`${name}-a`]);
    expect(await serviceIds(name, '?tag=GREEN')).toEqual([`${name}-b`]);
  });

  test('repeated ?tag requires every tag (AND)', async () => {
    const name = s.name('tagand');
    await s.mustRegister({ Name: name, ID: `${name}-ab`, Tags: ['a', 'b'] });
    await s.mustRegister({ Name: name, ID: `${name}-a`, Tags: ['a'] });
    expect(await serviceIds(name, '?tag=a&tag=B')).toEqual([`${name}-ab`]);
  });

  test('a service that does not exist → 200 [] with X-Consul-Index ≥ 1', async () => {
    const reply = await get(servicePath(unique('nosuch')));
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual([]);
    expect(reply.index()).toBeGreaterThanOrEqual(1);
  });

  test('empty service name → 400 "Missing service name"', async () => {
    const reply = await get('/v1/catalog/service/');
    expect(reply.status).toBe(400);
    expect(reply.text).toBe('Missing service name');
  });

  test('an error from the query itself (unknown dc → 500) still carries X-Consul-Index', async () => {
    const reply = await get(servicePath(unique('dc'), '?dc=fidelity-nowhere'));
    expect(reply.status).toBe(500);
    expect(reply.text).toContain('No path to datacenter');
    expect(reply.headers.get('x-consul-index')).toMatch(/^[1-9]\d*$/);
  });

  test('a blocking query returns when an instance is added, with a higher index', async () => {
    const name = s.name('blockinst');
    await s.mustRegister({ Name: name, ID: `${name}-1` });
    const index = (await get(servicePath(name))).index();
    const pending = get(servicePath(name, `?index=${index}&wait=1m`));
    await get('/v1/status/leader');
    await s.mustRegister({ Name: name, ID: `${name}-2` });
    const reply = await pending;
    expect(reply.index()).toBeGreaterThan(index);
    expect(
      reply
        .json<CatalogServiceNode[]>()
        .map((n) => n.ServiceID)
        .sort(),
    ).toEqual([`${name}-1`, `${name}-2`]);
    expect(reply.elapsedMs).toBeLessThan(scaled(MINUTE));
  });
});
