// §3 of the reference: /v1/health/service and blocking queries.
import {
  type ConsulReply,
  enc,
  get,
  put,
  type ServiceEntry,
  unique,
} from './support/consul-client';
import { scratch } from './support/scratch';
import { EARLY_MS, MINUTE, SECOND, SLACK_MS, scaled, timeoutFor } from './support/timing';

const s = scratch();

const healthPath = (service: string, query = '') => `/v1/health/service/${enc(service)}${query}`;

/** Instances `<name>-<suffix>` of one service, each with a TTL check `<id>-ttl` in the given status. */
async function instances(
  label: string,
  specs: ReadonlyArray<{ suffix: string; status?: string; tags?: string[] }>,
): Promise<string> {
  const name = s.name(label);
  for (const { suffix, status = 'passing', tags } of specs) {
    const id = `${name}-${suffix}`;
    await s.mustRegister({
      Name: name,
      ID: id,
      Tags: tags,
      Check: { CheckID: `${id}-ttl`, TTL: '1h', Status: status },
    });
  }
  return name;
}

const ids = (reply: ConsulReply): string[] =>
  reply
    .json<ServiceEntry[]>()
    .map((e) => e.Service.ID)
    .sort();

/**
 * A blocking GET expected to run its whole wait. The streaming backend may
 * answer the first blocking call early once (§3.5, §13), so one early answer
 * is forgiven when the agent says it served the query that way.
 */
async function blockFully(path: string, waitMs: number): Promise<ConsulReply> {
  const reply = await get(path);
  const streaming = reply.headers.get('x-consul-query-backend') === 'streaming';
  return streaming && reply.elapsedMs < scaled(waitMs) - EARLY_MS ? get(path) : reply;
}

describe('§3.1 GET /v1/health/service/:service', () => {
  test("an array of {Node, Service, Checks}: node-level checks (serfHealth) first, then the instance's", async () => {
    const name = await instances('shape', [{ suffix: 'a' }]);
    const reply = await get(healthPath(name));
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    const [entry, ...rest] = reply.json<ServiceEntry[]>();
    expect(rest).toEqual([]);
    expect(entry?.Node).toMatchObject({
      ID: expect.any(String),
      Node: expect.any(String),
      Address: expect.any(String),
      Datacenter: expect.any(String),
    });
    expect(entry?.Service).toMatchObject({ ID: `${name}-a`, Service: name, Tags: [] });
    const checks = entry!.Checks;
    const firstServiceCheck = checks.findIndex((c) => c.ServiceID !== '');
    const lastNodeCheck = checks.map((c) => c.ServiceID).lastIndexOf('');
    expect(lastNodeCheck).toBeGreaterThanOrEqual(0);
    expect(lastNodeCheck).toBeLessThan(firstServiceCheck);
    expect(checks.find((c) => c.CheckID === 'serfHealth')).toMatchObject({
      Name: 'Serf Health Status',
      ServiceID: '',
      ServiceTags: [],
      Status: 'passing',
    });
    expect(checks[checks.length - 1]).toMatchObject({
      CheckID: `${name}-a-ttl`,
      ServiceID: `${name}-a`,
      ServiceName: name,
      Status: 'passing',
    });
  });

  test('a service that does not exist → 200 [] with X-Consul-Index ≥ 1', async () => {
    const reply = await get(healthPath(unique('nosuch')));
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual([]);
    expect(reply.index()).toBeGreaterThanOrEqual(1);
  });

  test('?passing keeps only instances whose checks are all passing (warning and critical are excluded)', async () => {
    const name = await instances('passing', [
      { suffix: 'ok', status: 'passing' },
      { suffix: 'warn', status: 'warning' },
      { suffix: 'crit', status: 'critical' },
    ]);
    expect(ids(await get(healthPath(name)))).toEqual(
      [`${name}-crit`, `${name}-ok`, `${name}-warn`].sort(),
    );
    expect(ids(await get(healthPath(name, '?passing')))).toEqual([`${name}-ok`]);
  });

  test('?passing is on for an empty value and ParseBool true values, off for false values', async () => {
    const name = await instances('passingvalues', [
      { suffix: 'ok', status: 'passing' },
      { suffix: 'warn', status: 'warning' },
    ]);
    for (const value of ['', '1', 't', 'T', 'TRUE', 'true', 'True']) {
      expect(ids(await get(healthPath(name, `?passing=${value}`)))).toEqual([`${name}-ok`]);
    }
    for (const value of ['0', 'f', 'F', 'FALSE', 'false', 'False']) {
      expect(ids(await get(healthPath(name, `?passing=${value}`)))).toHaveLength(2);
    }
  });

  test('?passing with a non-boolean value → 400 "Invalid value for ?passing"', async () => {
    const name = await instances('passingbad', [{ suffix: 'a' }]);
    const reply = await get(healthPath(name, '?passing=yes'));
    expect(reply.status).toBe(400);
    expect(reply.text).toBe('Invalid value for ?passing');
  });

  test('?tag: an instance must carry every given tag, compared case-insensitively', async () => {
    const name = await instances('tags', [
      { suffix: 'primary', tags: ['Primary', 'v1'] },
      { suffix: 'replica', tags: ['v1'] },
    ]);
    expect(ids(await get(healthPath(name, '?tag=primary')))).toEqual([`${name}-primary`]);
    expect(ids(await get(healthPath(name, '?tag=V1&tag=PRIMARY')))).toEqual([`${name}-primary`]);
    expect(ids(await get(healthPath(name, '?tag=v1')))).toHaveLength(2);
    expect(ids(await get(healthPath(name, '?tag=v2')))).toEqual([]);
  });

  test('headers: X-Consul-Index, KnownLeader, LastContact, Effective-Consistency, Query-Backend', async () => {
    const name = await instances('headers', [{ suffix: 'a' }]);
    const reply = await get(healthPath(name));
    expect(reply.headers.get('x-consul-index')).toMatch(/^[1-9]\d*$/);
    expect(reply.headers.get('x-consul-knownleader')).toMatch(/^(true|false)$/);
    expect(reply.headers.get('x-consul-lastcontact')).toMatch(/^\d+$/);
    expect(reply.headers.get('x-consul-effective-consistency')).toBe('leader');
    expect(reply.headers.get('x-consul-query-backend')).toMatch(/^(blocking-query|streaming)$/);
  });

  test('X-Consul-Effective-Consistency follows ?stale and ?consistent', async () => {
    const name = await instances('consistency', [{ suffix: 'a' }]);
    const stale = await get(healthPath(name, '?stale'));
    expect(stale.headers.get('x-consul-effective-consistency')).toBe('stale');
    const consistent = await get(healthPath(name, '?consistent'));
    expect(consistent.headers.get('x-consul-effective-consistency')).toBe('consistent');
  });

  test('empty service name → 400 "Missing service name"', async () => {
    const reply = await get('/v1/health/service/');
    expect(reply.status).toBe(400);
    expect(reply.text).toBe('Missing service name');
  });

  test('a valid ?filter (bexpr) is evaluated per entry', async () => {
    const name = await instances('filtered', [
      { suffix: 'primary', tags: ['primary'] },
      { suffix: 'replica', tags: ['replica'] },
    ]);
    const reply = await get(healthPath(name, `?filter=${enc('Service.Tags contains "primary"')}`));
    expect(reply.status).toBe(200);
    expect(ids(reply)).toEqual([`${name}-primary`]);
  });

  test('invalid ?filter → 500 "Failed to create boolean expression evaluator"', async () => {
    const name = await instances('filter', [{ suffix: 'a' }]);
    const reply = await get(healthPath(name, `?filter=${enc('Service.Service ==')}`));
    expect(reply.status).toBe(500);
    expect(reply.text).toContain('Failed to create boolean expression evaluator');
  });
});

describe('§3.2 index values', () => {
  test('the index rises when an instance registers, its check changes status, or it deregisters', async () => {
    const name = await instances('index', [{ suffix: 'a' }]);
    const i1 = (await get(healthPath(name))).index();
    await s.mustRegister({ Name: name, ID: `${name}-b` });
    const i2 = (await get(healthPath(name))).index();
    expect(i2).toBeGreaterThan(i1);
    expect((await put(`/v1/agent/check/fail/${name}-a-ttl`)).status).toBe(200);
    const i3 = (await get(healthPath(name))).index();
    expect(i3).toBeGreaterThan(i2);
    expect((await put(`/v1/agent/service/deregister/${name}-b`)).status).toBe(200);
    const i4 = (await get(healthPath(name))).index();
    expect(i4).toBeGreaterThan(i3);
  });
});

describe('§3.3 blocking queries', () => {
  test('?index absent or 0 → answers at once, whatever ?wait says', async () => {
    const name = await instances('nonblocking', [{ suffix: 'a' }]);
    for (const query of ['?wait=1m', '?index=0&wait=1m']) {
      const reply = await get(healthPath(name, query));
      expect(reply.status).toBe(200);
      expect(reply.elapsedMs).toBeLessThan(scaled(MINUTE) / 2);
    }
  });

  test('?index below the current index → answers at once with the current index', async () => {
    const name = await instances('behind', [{ suffix: 'a' }]);
    const current = (await get(healthPath(name))).index();
    const reply = await get(healthPath(name, `?index=${current - 1}&wait=1m`));
    expect(reply.status).toBe(200);
    expect(reply.index()).toBe(current);
    expect(reply.elapsedMs).toBeLessThan(scaled(MINUTE) / 2);
  });

  test('returns as soon as the service changes, with a higher index and the new state', async () => {
    const name = await instances('wake', [{ suffix: 'a' }]);
    const index = (await get(healthPath(name))).index();
    const pending = get(healthPath(name, `?index=${index}&wait=1m`));
    await get('/v1/status/leader'); // a round trip, so the blocking request is most likely parked
    expect((await put(`/v1/agent/check/fail/${name}-a-ttl?note=down`)).status).toBe(200);
    const reply = await pending;
    expect(reply.status).toBe(200);
    expect(reply.index()).toBeGreaterThan(index);
    expect(reply.elapsedMs).toBeLessThan(scaled(MINUTE));
    const [entry] = reply.json<ServiceEntry[]>();
    expect(entry?.Checks.find((c) => c.CheckID === `${name}-a-ttl`)?.Status).toBe('critical');
  });

  test(
    'waits the (scaled) ?wait when nothing changes, then 200 with the same index',
    async () => {
      const name = await instances('idle', [{ suffix: 'a' }]);
      const index = (await get(healthPath(name))).index();
      const reply = await blockFully(healthPath(name, `?index=${index}&wait=10s`), 10 * SECOND);
      expect(reply.status).toBe(200);
      expect(reply.index()).toBe(index);
      expect(reply.json<ServiceEntry[]>()).toHaveLength(1);
      expect(reply.elapsedMs).toBeGreaterThanOrEqual(scaled(10 * SECOND) - EARLY_MS);
    },
    timeoutFor(10 * SECOND),
  );

  test(
    'jitter is bounded: an idle blocking query answers within wait × 17/16',
    async () => {
      const name = await instances('jitter', [{ suffix: 'a' }]);
      const index = (await get(healthPath(name))).index();
      const path = healthPath(name, `?index=${index}&wait=1m`);
      const replies = await Promise.all([1, 2, 3, 4].map(() => blockFully(path, MINUTE)));
      for (const reply of replies) {
        expect(reply.status).toBe(200);
        expect(reply.elapsedMs).toBeGreaterThanOrEqual(scaled(MINUTE) - EARLY_MS);
        expect(reply.elapsedMs).toBeLessThanOrEqual((scaled(MINUTE) * 17) / 16 + SLACK_MS);
      }
    },
    timeoutFor(MINUTE),
  );

  // Concurrent, so its long (scaled 5 min) wait overlaps the rest of the file.
  test.concurrent(
    'no ?wait, or a ?wait ≤ 0, blocks for the 5 min default',
    async () => {
      const name = await instances('defaultwait', [{ suffix: 'a' }]);
      const index = (await get(healthPath(name))).index();
      const replies = await Promise.all(
        ['', '&wait=0s', '&wait=-1s'].map((wait) =>
          blockFully(healthPath(name, `?index=${index}${wait}`), 5 * MINUTE),
        ),
      );
      for (const reply of replies) {
        expect(reply.status).toBe(200);
        expect(reply.index()).toBe(index);
        expect(reply.elapsedMs).toBeGreaterThanOrEqual(scaled(5 * MINUTE) - EARLY_MS);
        expect(reply.elapsedMs).toBeLessThanOrEqual((scaled(5 * MINUTE) * 17) / 16 + SLACK_MS);
      }
    },
    timeoutFor(5 * MINUTE),
  );

  test(
    'a client index ahead of the server blocks for the full wait, then returns the lower current index',
    async () => {
      const name = await instances('ahead', [{ suffix: 'a' }]);
      const current = (await get(healthPath(name))).index();
      const reply = await blockFully(
        healthPath(name, `?index=${current + 1_000_000}&wait=10s`),
        10 * SECOND,
      );
      expect(reply.status).toBe(200);
      expect(reply.index()).toBe(current);
      expect(reply.elapsedMs).toBeGreaterThanOrEqual(scaled(10 * SECOND) - EARLY_MS);
    },
    timeoutFor(10 * SECOND),
  );

  test('a blocking query on a service that does not exist yet returns when it is registered', async () => {
    const name = s.name('appears');
    const empty = await get(healthPath(name));
    expect(empty.json()).toEqual([]);
    const pending = get(healthPath(name, `?index=${empty.index()}&wait=1m`));
    await get('/v1/status/leader');
    await s.mustRegister({ Name: name });
    const reply = await pending;
    expect(reply.status).toBe(200);
    expect(reply.index()).toBeGreaterThan(empty.index());
    expect(ids(reply)).toEqual([name]);
    expect(reply.elapsedMs).toBeLessThan(scaled(MINUTE));
  });

  test.each(['abc', '-1', '1.5', '0x10'])('?index=%s → 400 "Invalid index"', async (index) => {
    const reply = await get(healthPath(unique('badindex'), `?index=${index}`));
    expect(reply.status).toBe(400);
    expect(reply.text).toBe('Invalid index');
  });

  test.each(['10', 'soon', '5 s'])(
    '?wait=%s (not a Go duration) → 400 "Invalid wait time"',
    async (wait) => {
      const reply = await get(healthPath(unique('badwait'), `?index=1&wait=${enc(wait)}`));
      expect(reply.status).toBe(400);
      expect(reply.text).toBe('Invalid wait time');
    },
  );
});
