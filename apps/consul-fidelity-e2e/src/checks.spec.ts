// §8 of the reference: health-check execution (TTL, HTTP, TCP, gRPC,
// thresholds, interval minimum, DeregisterCriticalServiceAfter and the reaper).
import { waitUntil } from '@junction/testing';
import {
  agentCheck,
  agentChecks,
  agentServices,
  checkStatus,
  type HealthCheck,
  healthEntries,
  put,
  unique,
} from './support/consul-client';
import {
  closedPort,
  GrpcHealthTarget,
  HttpTarget,
  PROBE_TARGET_HOST,
  TcpTarget,
} from './support/probe-targets';
import { scratch } from './support/scratch';
import {
  EARLY_MS,
  MARGIN_MS,
  SECOND,
  SLACK_MS,
  pause,
  scaled,
  since,
  timeoutFor,
  within,
} from './support/timing';

const s = scratch();

let http: HttpTarget;
let tcp: TcpTarget;
let grpc: GrpcHealthTarget;

beforeAll(async () => {
  http = await HttpTarget.start();
  tcp = await TcpTarget.start();
  grpc = await GrpcHealthTarget.start({
    '': 'SERVING',
    'fidelity.Up': 'SERVING',
    'fidelity.Down': 'NOT_SERVING',
    'fidelity.Flip': 'SERVING',
  });
});

afterAll(async () => {
  await s.dispose(); // stop the probes before their targets go away
  await Promise.all([http?.close(), tcp?.close(), grpc?.close()]);
});

/** Registers a service `<label>-…` with one check (CheckID `<name>-check`); returns the check ID. */
async function serviceWithCheck(label: string, check: Record<string, unknown>): Promise<string> {
  const name = s.name(label);
  const checkId = `${name}-check`;
  await s.mustRegister({ Name: name, Check: { CheckID: checkId, ...check } });
  return checkId;
}

/** Waits until the check has `status` (Consul should get there within `consulMs`). */
function statusBecomes(checkId: string, status: string, consulMs: number): Promise<HealthCheck> {
  return waitUntil(
    async () => {
      const check = await agentCheck(checkId);
      return check?.Status === status ? check : undefined;
    },
    { timeoutMs: within(consulMs), intervalMs: 10, what: `check ${checkId} to be ${status}` },
  );
}

/** A probe interval short enough for quick tests yet well above the 1 s minimum. */
const INTERVAL = '10s';
const INTERVAL_MS = 10 * SECOND;

describe('§8 TTL checks', () => {
  const ttl = 10 * SECOND;

  test('expiry turns the check critical with Output "TTL expired", not before the TTL', async () => {
    const started = performance.now();
    const checkId = await serviceWithCheck('ttlexpiry', { TTL: '10s', Status: 'passing' });
    const check = await statusBecomes(checkId, 'critical', ttl);
    expect(since(started)).toBeGreaterThanOrEqual(scaled(ttl) - EARLY_MS);
    expect(check.Output).toBe('TTL expired');
  });

  test('expiry after an output → "TTL expired (last output before timeout follows): <output>"', async () => {
    const checkId = await serviceWithCheck('ttloutput', { TTL: '10s' });
    const passed = performance.now();
    expect((await put(`/v1/agent/check/pass/${checkId}?note=all%20good`)).status).toBe(200);
    const check = await statusBecomes(checkId, 'critical', ttl);
    expect(since(passed)).toBeGreaterThanOrEqual(scaled(ttl) - EARLY_MS);
    expect(check.Output).toBe('TTL expired (last output before timeout follows): all good');
  });

  test('each update resets the TTL timer', async () => {
    const registered = performance.now();
    const checkId = await serviceWithCheck('ttlreset', { TTL: '10s', Status: 'passing' });
    await pause(scaled(ttl / 2)); // half the TTL, then a heartbeat
    const heartbeat = performance.now();
    expect((await put(`/v1/agent/check/pass/${checkId}`)).status).toBe(200);
    await statusBecomes(checkId, 'critical', ttl);
    expect(since(heartbeat)).toBeGreaterThanOrEqual(scaled(ttl) - EARLY_MS);
    expect(since(registered)).toBeGreaterThanOrEqual(scaled(1.5 * ttl) - EARLY_MS);
  });
});

describe('§8 TTL checks: re-registration', () => {
  const ttl = 10 * SECOND;

  test('re-registering the service restarts the TTL timer (status carried over)', async () => {
    const name = s.name('ttlrereg');
    const checkId = `${name}-check`;
    const definition = { Name: name, Check: { CheckID: checkId, TTL: '10s', Status: 'passing' } };
    const registered = performance.now();
    await s.mustRegister(definition);
    await pause(scaled(ttl / 2)); // half the TTL, then register again
    const reregistered = performance.now();
    await s.mustRegister(definition);
    expect(await checkStatus(checkId)).toBe('passing');
    await statusBecomes(checkId, 'critical', ttl);
    expect(since(reregistered)).toBeGreaterThanOrEqual(scaled(ttl) - EARLY_MS);
    expect(since(registered)).toBeGreaterThanOrEqual(scaled(1.5 * ttl) - EARLY_MS);
  });
});

describe('§8 interval checks: scheduling', () => {
  test('until its first probe a check keeps its initial status (critical)', async () => {
    // Interval 1 h: the first probe comes after a random stagger in [0, 1 h), so
    // (but for a ~1e-4 chance) not within the few milliseconds this test looks.
    const path = `/status/200/${unique('first')}`;
    const checkId = await serviceWithCheck('firstprobe', { HTTP: http.url(path), Interval: '1h' });
    const check = await agentCheck(checkId);
    expect(http.hits(path)).toHaveLength(0);
    expect(check?.Status).toBe('critical');
  });

  test('the first probe comes within one Interval of registration', async () => {
    const path = `/status/200/${unique('stagger')}`;
    const registered = performance.now();
    await serviceWithCheck('stagger', { HTTP: http.url(path), Interval: INTERVAL });
    const [first] = await waitUntil(() => (http.hits(path).length ? http.hits(path) : undefined), {
      timeoutMs: within(INTERVAL_MS),
      intervalMs: 5,
      what: 'the first probe',
    });
    expect(first!.at - registered).toBeLessThanOrEqual(scaled(INTERVAL_MS) + SLACK_MS);
  });
});

describe('§8 HTTP checks', () => {
  test('2xx → passing with Output "HTTP GET <url>: 200 OK Output: <body>"', async () => {
    const url = http.url(`/status/200/${unique('ok')}`);
    const checkId = await serviceWithCheck('http200', { HTTP: url, Interval: INTERVAL });
    const check = await statusBecomes(checkId, 'passing', INTERVAL_MS);
    expect(check.Output).toBe(`HTTP GET ${url}: 200 OK Output: body 200`);
    expect(check.Type).toBe('http');
  });

  test('429 → warning', async () => {
    const url = http.url(`/status/429/${unique('busy')}`);
    const checkId = await serviceWithCheck('http429', { HTTP: url, Interval: INTERVAL });
    const check = await statusBecomes(checkId, 'warning', INTERVAL_MS);
    expect(check.Output).toBe(`HTTP GET ${url}: 429 Too Many Requests Output: body 429`);
  });

  test('500 → critical', async () => {
    const url = http.url(`/status/500/${unique('err')}`);
    const checkId = await serviceWithCheck('http500', {
      HTTP: url,
      Interval: INTERVAL,
      Status: 'passing',
    });
    const check = await statusBecomes(checkId, 'critical', INTERVAL_MS);
    expect(check.Output).toBe(`HTTP GET ${url}: 500 Internal Server Error Output: body 500`);
  });

  test('a transport error (connection refused) → critical', async () => {
    const checkId = await serviceWithCheck('httprefused', {
      HTTP: `http://${PROBE_TARGET_HOST}:${await closedPort()}/`,
      Interval: INTERVAL,
      Status: 'passing',
    });
    await statusBecomes(checkId, 'critical', INTERVAL_MS);
  });

  test('the probe sends Method and Header, plus "User-Agent: Consul Health Check" and "Accept: text/plain, text/*, */*"', async () => {
    const path = `/status/200/${unique('headers')}`;
    const checkId = await serviceWithCheck('httpheaders', {
      HTTP: http.url(path),
      Method: 'POST',
      Header: { 'X-Fidelity': ['yes'] },
      Interval: INTERVAL,
    });
    const check = await statusBecomes(checkId, 'passing', INTERVAL_MS);
    expect(check.Output).toMatch(/^HTTP POST /);
    const [hit] = http.hits(path);
    expect(hit?.method).toBe('POST');
    expect(hit?.headers['x-fidelity']).toBe('yes');
    expect(hit?.headers['user-agent']).toBe('Consul Health Check');
    expect(hit?.headers.accept).toBe('text/plain, text/*, */*');
  });

  test('redirects are followed unless DisableRedirects', async () => {
    const followed = await serviceWithCheck('redirect', {
      HTTP: http.url(`/redirect/200/${unique('follow')}`),
      Interval: INTERVAL,
    });
    await statusBecomes(followed, 'passing', INTERVAL_MS);
    const notFollowed = await serviceWithCheck('noredirect', {
      HTTP: http.url(`/redirect/200/${unique('stay')}`),
      DisableRedirects: true,
      Interval: INTERVAL,
      Status: 'passing',
    });
    const check = await statusBecomes(notFollowed, 'critical', INTERVAL_MS);
    expect(check.Output).toContain('302 Found');
  });

  test(
    'a probe slower than Timeout → critical',
    async () => {
      const checkId = await serviceWithCheck('httptimeout', {
        HTTP: http.url(`/hang/${unique('slow')}`),
        Timeout: '500ms',
        Interval: INTERVAL,
        Status: 'passing',
      });
      await waitUntil(async () => (await checkStatus(checkId)) === 'critical', {
        timeoutMs: within(INTERVAL_MS) + 500,
        intervalMs: 10,
        what: 'the slow probe to time out',
      });
    },
    timeoutFor(INTERVAL_MS) + 500,
  );

  test.each([
    ['"100ms"', '100ms'],
    ['10 (a JSON number: 10 ns)', 10],
  ])('Interval %s is raised to the 1 s minimum', async (_what, interval) => {
    const path = `/status/200/${unique('interval')}`;
    await serviceWithCheck('interval', { HTTP: http.url(path), Interval: interval });
    const hits = await waitUntil(
      () => (http.hits(path).length >= 5 ? http.hits(path) : undefined),
      {
        timeoutMs: within(6 * SECOND),
        intervalMs: 10,
        what: '5 probes',
      },
    );
    // After the first (randomly staggered) probe, probes come every Interval.
    const gaps = hits.slice(1, 5).map((hit, i) => hit.at - hits[i]!.at);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    expect(mean).toBeGreaterThanOrEqual(0.9 * scaled(SECOND));
  });
});

describe('§8 TCP checks', () => {
  test('a connection → passing with Output "TCP connect <addr>: Success"', async () => {
    const checkId = await serviceWithCheck('tcp', { TCP: tcp.address, Interval: INTERVAL });
    const check = await statusBecomes(checkId, 'passing', INTERVAL_MS);
    expect(check.Output).toBe(`TCP connect ${tcp.address}: Success`);
    expect(check.Type).toBe('tcp');
  });

  test('connection refused → critical', async () => {
    const checkId = await serviceWithCheck('tcprefused', {
      TCP: `${PROBE_TARGET_HOST}:${await closedPort()}`,
      Interval: INTERVAL,
      Status: 'passing',
    });
    await statusBecomes(checkId, 'critical', INTERVAL_MS);
  });
});

describe('§8 gRPC checks', () => {
  test('SERVING → passing with Output "gRPC check <target>: success"', async () => {
    const checkId = await serviceWithCheck('grpc', { GRPC: grpc.address, Interval: INTERVAL });
    const check = await statusBecomes(checkId, 'passing', INTERVAL_MS);
    expect(check.Output).toBe(`gRPC check ${grpc.address}: success`);
    expect(check.Type).toBe('grpc');
  });

  test('"host:port/<service>" asks about that service: SERVING → passing', async () => {
    const target = `${grpc.address}/fidelity.Up`;
    const checkId = await serviceWithCheck('grpcup', { GRPC: target, Interval: INTERVAL });
    const check = await statusBecomes(checkId, 'passing', INTERVAL_MS);
    expect(check.Output).toBe(`gRPC check ${target}: success`);
  });

  test('NOT_SERVING → critical with Output "gRPC <target> serving status: NOT_SERVING"', async () => {
    const target = `${grpc.address}/fidelity.Down`;
    const checkId = await serviceWithCheck('grpcdown', {
      GRPC: target,
      Interval: INTERVAL,
      Status: 'passing',
    });
    const check = await statusBecomes(checkId, 'critical', INTERVAL_MS);
    expect(check.Output).toBe(`gRPC ${target} serving status: NOT_SERVING`);
  });

  test('a service the server does not know (NOT_FOUND) → critical', async () => {
    const checkId = await serviceWithCheck('grpcunknown', {
      GRPC: `${grpc.address}/fidelity.Nobody`,
      Interval: INTERVAL,
      Status: 'passing',
    });
    await statusBecomes(checkId, 'critical', INTERVAL_MS);
  });

  test('the check follows the server: SERVING → NOT_SERVING turns it critical (no warning state)', async () => {
    const checkId = await serviceWithCheck('grpcflip', {
      GRPC: `${grpc.address}/fidelity.Flip`,
      Interval: INTERVAL,
    });
    await statusBecomes(checkId, 'passing', INTERVAL_MS);
    grpc.setStatus('fidelity.Flip', 'NOT_SERVING');
    const statuses = new Set<string>();
    await waitUntil(
      async () => {
        const status = await checkStatus(checkId);
        if (status) statuses.add(status);
        return status === 'critical';
      },
      { timeoutMs: within(2 * INTERVAL_MS), intervalMs: 5, what: 'the gRPC check to fail' },
    );
    expect(statuses.has('warning')).toBe(false);
  });

  test('an unreachable server → critical', async () => {
    const checkId = await serviceWithCheck('grpcrefused', {
      GRPC: `${PROBE_TARGET_HOST}:${await closedPort()}`,
      Interval: INTERVAL,
      Status: 'passing',
    });
    await statusBecomes(checkId, 'critical', INTERVAL_MS);
  });
});

describe('§8 thresholds', () => {
  const interval = 5 * SECOND;

  test(
    'FailuresBeforeWarning / FailuresBeforeCritical: warning from the 2nd failure, critical from the 4th',
    async () => {
      const id = unique('failures');
      const path = `/switch/${id}`;
      http.setStatus(id, 200);
      const checkId = await serviceWithCheck('failures', {
        HTTP: http.url(path),
        Interval: '5s',
        FailuresBeforeWarning: 2,
        FailuresBeforeCritical: 4,
      });
      await statusBecomes(checkId, 'passing', 2 * interval);
      http.setStatus(id, 500);
      const base = http.hits(path).length;
      const seen: Array<{ status: string | undefined; failures: number }> = [];
      await waitUntil(
        async () => {
          const status = await checkStatus(checkId);
          // Probes counted after the status read: never more than had answered.
          seen.push({ status, failures: http.hits(path).length - base });
          return status === 'critical';
        },
        { timeoutMs: within(5 * interval), intervalMs: 5, what: 'the check to turn critical' },
      );
      const warnings = seen.filter((o) => o.status === 'warning');
      expect(warnings.length).toBeGreaterThan(0);
      for (const o of warnings) expect(o.failures).toBeGreaterThanOrEqual(2);
      expect(seen[seen.length - 1]!.failures).toBeGreaterThanOrEqual(4);
      expect(seen.findIndex((o) => o.status === 'warning')).toBeLessThan(seen.length - 1);
    },
    timeoutFor(5 * interval),
  );

  test(
    'SuccessBeforePassing: passing only after that many consecutive successes',
    async () => {
      const id = unique('successes');
      const path = `/switch/${id}`;
      http.setStatus(id, 500);
      const checkId = await serviceWithCheck('successes', {
        HTTP: http.url(path),
        Interval: '5s',
        SuccessBeforePassing: 3,
        Status: 'passing',
      });
      await statusBecomes(checkId, 'critical', 2 * interval);
      http.setStatus(id, 200);
      const base = http.hits(path).length;
      const seen: Array<{ status: string | undefined; successes: number }> = [];
      await waitUntil(
        async () => {
          const status = await checkStatus(checkId);
          seen.push({ status, successes: http.hits(path).length - base });
          return status === 'passing';
        },
        { timeoutMs: within(5 * interval), intervalMs: 5, what: 'the check to pass' },
      );
      expect(seen[seen.length - 1]!.successes).toBeGreaterThanOrEqual(3);
      expect(seen.some((o) => o.status === 'critical' && o.successes >= 1)).toBe(true);
    },
    timeoutFor(5 * interval),
  );
});

describe('§8 DeregisterCriticalServiceAfter and the reaper', () => {
  const DCSA = 60 * SECOND;
  const REAP = 30 * SECOND;

  /**
   * Registers `<name>` with a TTL check carrying `dcsa` (in `status`, or Consul's
   * initial critical when null) and a second, passing check.
   */
  async function reapable(label: string, dcsa: string, status: string | null = 'passing') {
    const name = s.name(label);
    await s.mustRegister({
      Name: name,
      Checks: [
        {
          CheckID: `${name}-ttl`,
          TTL: '1h',
          ...(status ? { Status: status } : {}),
          DeregisterCriticalServiceAfter: dcsa,
        },
        { CheckID: `${name}-other`, TTL: '1h', Status: 'passing' },
      ],
    });
    return name;
  }

  const isGone = async (name: string) => !(name in (await agentServices()));

  async function failAndAwaitRemoval(name: string) {
    const failing = performance.now();
    expect((await put(`/v1/agent/check/fail/${name}-ttl`)).status).toBe(200);
    const failed = performance.now();
    await waitUntil(() => isGone(name), {
      timeoutMs: within(DCSA + REAP),
      intervalMs: 10,
      what: `service ${name} to be reaped`,
    });
    return { sinceFailing: since(failing), sinceFailed: since(failed) };
  }

  test(
    'a service is removed (with all its checks) between DCSA and DCSA + 30 s after its check becomes critical',
    async () => {
      const name = await reapable('dcsa', '1m');
      const { sinceFailing, sinceFailed } = await failAndAwaitRemoval(name);
      expect(sinceFailing).toBeGreaterThanOrEqual(scaled(DCSA) - EARLY_MS);
      expect(sinceFailed).toBeLessThanOrEqual(scaled(DCSA + REAP) + SLACK_MS);
      const checks = await agentChecks();
      expect(checks[`${name}-ttl`]).toBeUndefined();
      expect(checks[`${name}-other`]).toBeUndefined();
      expect(await healthEntries(name)).toEqual([]);
    },
    timeoutFor(DCSA + REAP),
  );

  test(
    'a DCSA below 1 m ("10s") is raised to 1 m',
    async () => {
      const name = await reapable('dcsamin', '10s');
      const { sinceFailing, sinceFailed } = await failAndAwaitRemoval(name);
      expect(sinceFailing).toBeGreaterThanOrEqual(scaled(DCSA) - EARLY_MS);
      expect(sinceFailed).toBeLessThanOrEqual(scaled(DCSA + REAP) + SLACK_MS);
    },
    timeoutFor(DCSA + REAP),
  );

  test(
    'the initial critical status at registration does not start the DCSA clock',
    async () => {
      // Registered critical (no Status) first, so its clock would be the older one.
      const untouched = await reapable('dcsainitial', '1m', null);
      expect(await checkStatus(`${untouched}-ttl`)).toBe('critical');
      const failed = await reapable('dcsafailed', '1m');
      await failAndAwaitRemoval(failed);
      // The reaper removed `failed`; a clock started at registration would have taken `untouched` too.
      expect(await isGone(untouched)).toBe(false);
    },
    timeoutFor(DCSA + REAP) + MARGIN_MS,
  );
});
