import { waitUntil } from '@junction/testing';
import {
  startKvRegistry,
  type EntryJson,
  type KvTestRegistry,
  type SessionJson,
} from './kv-test-registry.fixture';

describe('/v1/session', () => {
  let registry: KvTestRegistry;
  beforeEach(async () => {
    registry = await startKvRegistry();
  });
  afterEach(() => registry.close());

  const create = async (body?: object) =>
    ((await registry.put('/v1/session/create', body && JSON.stringify(body))) as { ID: string }).ID;
  const info = async (id: string) =>
    (await (await registry.request(`/v1/session/info/${id}`)).json()) as SessionJson[];
  const failure = async (path: string, body?: string) => {
    const res = await registry.request(path, { method: 'PUT', body });
    return `${res.status} ${await res.text()}`;
  };

  describe('create', () => {
    it('defaults to the agent node, serfHealth, 15 s lock-delay and release', async () => {
      const id = await create();
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await info(id)).toEqual([
        {
          ID: id,
          Name: '',
          Node: 'n1',
          LockDelay: 15e9,
          Behavior: 'release',
          TTL: '',
          NodeChecks: ['serfHealth'],
          ServiceChecks: null,
          CreateIndex: 1,
          ModifyIndex: 1,
        },
      ]);
    });

    it('takes fields case-insensitively and keeps the TTL string as given', async () => {
      const id = await create({
        name: 'leader',
        Behavior: 'delete',
        TTL: '15s',
        ServiceChecks: [{ ID: 'service:web', Namespace: '' }],
      });
      expect((await info(id))[0]).toMatchObject({
        Name: 'leader',
        Behavior: 'delete',
        TTL: '15s',
        ServiceChecks: [{ ID: 'service:web', Namespace: '' }],
      });
    });

    it.each([
      [5, 5e9],
      ['5ns', 5e9],
      ['2m', 120e9],
      [1_500_000_000, 1.5e9],
    ])('reads LockDelay %p as %p ns (below 1000 means seconds)', async (sent, ns) => {
      const id = await create({ LockDelay: sent });
      expect((await info(id))[0].LockDelay).toBe(ns);
    });

    it('clears the default node check for a legacy empty Checks list', async () => {
      const id = await create({ Checks: [] });
      expect((await info(id))[0].NodeChecks).toEqual([]);
    });

    it('answers Consul 500 texts for a bad Behavior, TTL or node', async () => {
      expect(await failure('/v1/session/create', '{"Behavior":"keep"}')).toBe(
        "500 Invalid Behavior setting 'keep'",
      );
      expect(await failure('/v1/session/create', '{"TTL":"5s"}')).toBe(
        "500 Invalid Session TTL '5000000000', must be between [10s=24h0m0s]",
      );
      expect(await failure('/v1/session/create', '{"TTL":"25h"}')).toContain(
        "500 Invalid Session TTL '90000000000000'",
      );
      expect(await failure('/v1/session/create', '{"TTL":"soon"}')).toBe(
        `500 Session TTL 'soon' invalid: time: invalid duration "soon"`,
      );
      expect(await failure('/v1/session/create', '{"Node":"other"}')).toBe(
        '500 Missing node registration',
      );
    });

    it('refuses unknown fields and bad JSON with 400', async () => {
      expect(await failure('/v1/session/create', '{"Nope":1}')).toBe(
        '400 Request decode failed: json: unknown field "Nope"',
      );
      expect(await failure('/v1/session/create', '{"Namespace":"x"}')).toBe(
        '400 Request decode failed: json: unknown field "Namespace" - Namespaces are a Consul Enterprise feature',
      );
      expect(await failure('/v1/session/create', '{"TTL":')).toBe(
        '400 Request decode failed: unexpected EOF',
      );
    });
  });

  describe('renew, destroy, info, list, node', () => {
    it('renews a session, answering it in an array; 404 for an unknown one', async () => {
      const id = await create({ TTL: '10s' });
      const renewed = (await registry.put(`/v1/session/renew/${id}`)) as SessionJson[];
      expect(renewed).toHaveLength(1);
      expect(renewed[0].ID).toBe(id);
      expect(await failure('/v1/session/renew/abc')).toBe("404 Session id 'abc' not found");
    });

    it('destroys idempotently and reports unknown sessions as []', async () => {
      const id = await create();
      expect(await registry.put(`/v1/session/destroy/${id}`)).toBe(true);
      expect(await registry.put(`/v1/session/destroy/${id}`)).toBe(true);
      expect(await info(id)).toEqual([]);
    });

    it('lists all sessions and those of a node, with the session table index', async () => {
      const a = await create();
      const b = await create();
      await registry.put('/v1/kv/unrelated', 'x');
      const list = await registry.request('/v1/session/list');
      expect(list.headers.get('x-consul-index')).toBe('2');
      expect(((await list.json()) as SessionJson[]).map((s) => s.ID).sort()).toEqual([a, b].sort());
      expect(
        ((await (await registry.request('/v1/session/node/n1')).json()) as SessionJson[]).length,
      ).toBe(2);
      expect(await (await registry.request('/v1/session/node/n2')).json()).toEqual([]);
    });

    it('blocks session info until the session table changes', async () => {
      const id = await create();
      const pending = registry.request(`/v1/session/info/${id}?index=1&wait=1m`);
      await registry.blocked();
      await registry.put(`/v1/session/destroy/${id}`);
      const res = await pending;
      expect(await res.json()).toEqual([]);
      expect(res.headers.get('x-consul-index')).toBe('2');
    });

    it('refuses missing ids', async () => {
      expect(await failure('/v1/session/renew/')).toBe('400 Missing session');
      const res = await registry.request('/v1/session/node/');
      expect(await res.text()).toBe('Missing node name');
    });
  });

  describe('locks', () => {
    const acquire = (key: string, id: string, body = 'me') =>
      registry.put(`/v1/kv/${key}?acquire=${id}`, body);
    const entry = async (key: string) =>
      ((await (await registry.request(`/v1/kv/${key}`)).json()) as EntryJson[])[0];

    it('acquires once per session with LockIndex rules and shows Session only while held', async () => {
      const a = await create();
      const b = await create();
      expect(await acquire('lock', a)).toBe(true);
      expect(await entry('lock')).toMatchObject({ Session: a, LockIndex: 1 });
      expect(await acquire('lock', a, 'again')).toBe(true);
      expect((await entry('lock')).LockIndex).toBe(1);
      expect(await acquire('lock', b)).toBe(false);
      expect(await registry.put(`/v1/kv/lock?release=${b}`)).toBe(false);
      expect(await registry.put(`/v1/kv/lock?release=${a}`, 'bye')).toBe(true);
      const released = await entry('lock');
      expect(released.Session).toBeUndefined();
      expect(released.LockIndex).toBe(1);
      // An explicit release starts no lock-delay.
      expect(await acquire('lock', b)).toBe(true);
      expect((await entry('lock')).LockIndex).toBe(2);
    });

    it('answers 500 for an unknown or empty session', async () => {
      expect(await failure('/v1/kv/lock?acquire=nope')).toBe('500 invalid session "nope"');
      expect(await failure('/v1/kv/lock?acquire=')).toBe('500 missing session');
    });

    it('releases held keys on destroy, then refuses acquire until the lock-delay ends', async () => {
      const a = await create();
      const b = await create();
      await acquire('lock', a);
      const held = await entry('lock');
      await registry.put(`/v1/session/destroy/${a}`);
      const after = await entry('lock');
      expect(after.Session).toBeUndefined();
      expect(after.LockIndex).toBe(1);
      expect(after.ModifyIndex).toBeGreaterThan(held.ModifyIndex);
      // 15 s of lock-delay is 150 ms at the test scale.
      expect(await acquire('lock', b)).toBe(false);
      await waitUntil(() => acquire('lock', b), { what: 'lock-delay to end' });
    });

    it('deletes held keys when the behavior is delete', async () => {
      const a = await create({ Behavior: 'delete', LockDelay: '0s' });
      await acquire('lock', a);
      await registry.put(`/v1/session/destroy/${a}`);
      expect((await registry.request('/v1/kv/lock')).status).toBe(404);
    });

    it('invalidates a TTL session not renewed within twice its TTL', async () => {
      const a = await create({ TTL: '10s' });
      await acquire('lock', a);
      await waitUntil(async () => (await info(a)).length === 0, { what: 'TTL lapse' });
      expect((await entry('lock')).Session).toBeUndefined();
    });

    it('invalidates sessions bound to a check that goes critical or is deregistered', async () => {
      const a = await create({ NodeChecks: ['serfHealth', 'mem'] });
      const b = await create({ ServiceChecks: [{ ID: 'service:web', Namespace: '' }] });
      const c = await create();
      await acquire('lock', a);
      registry.deps.checkEvents.emit('critical', 'mem');
      registry.deps.checkEvents.emit('deregistered', 'service:web');
      await waitUntil(async () => (await info(a)).length === 0 && (await info(b)).length === 0, {
        what: 'bound sessions to be invalidated',
      });
      expect((await entry('lock')).Session).toBeUndefined();
      expect(await info(c)).toHaveLength(1);
    });
  });
});
