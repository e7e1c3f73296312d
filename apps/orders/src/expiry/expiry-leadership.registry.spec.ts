// Two orders instances' expiry leadership against the real dev registry (a
// child process, timers 20× faster). Build it first:
// npx nx run dev-registry:build
import { Logger } from '@nestjs/common';
import { waitUntil } from '@junction/test-support';
import type { ReservationExpiry } from '../domain/reservation-expiry.use-case';
import { startDevRegistry, type RunningRegistry } from '../testing/dev-registry';
import { ExpiryJob } from './expiry-job';
import { expiryLeadership, type Leadership } from './expiry-leadership';

const SCALE = 0.05;
const TTL_SECONDS = 10;
/** One TTL on the scaled clock: how long a leader trusts an unconfirmed session. */
const LEASE_MS = TTL_SECONDS * 1000 * SCALE;
/** Consul's default 15 s lock-delay on the scaled clock. */
const LOCK_DELAY_MS = 15_000 * SCALE;
/** Timers may fire a little early or late; processes take a moment to notice. */
const TOLERANCE_MS = 30;
const KEY = 'junction/leader/orders-expiry-test';

jest.setTimeout(20_000);

/** An ExpiryJob that records when it starts and stops, sweeping nothing. */
class RecordingJob extends ExpiryJob {
  readonly startedAt: number[] = [];
  constructor() {
    super(
      { sweep: async () => ({ released: [], failed: [] }) } as unknown as ReservationExpiry,
      50,
      { prune: async () => 0 },
    );
  }
  override start(): void {
    if (!this.running) this.startedAt.push(Date.now());
    super.start();
  }
}

interface Instance {
  readonly name: string;
  readonly job: RecordingJob;
  readonly leadership: Leadership;
}

describe('expiry leadership with two orders instances (real dev registry)', () => {
  let registry: RunningRegistry;
  let instances: Instance[] = [];
  let logs: string[];

  beforeEach(async () => {
    logs = [];
    jest
      .spyOn(Logger.prototype, 'log')
      .mockImplementation((m: unknown) => void logs.push(String(m)));
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    registry = await startDevRegistry(SCALE);
  });
  afterEach(async () => {
    await Promise.all(instances.map((i) => i.leadership.stop()));
    instances = [];
    await registry.stop();
    jest.restoreAllMocks();
  });

  function instance(name: string, port: number): Instance {
    const job = new RecordingJob();
    const leadership = expiryLeadership(
      {
        DISCOVERY: 'consul',
        CONSUL_HTTP_ADDR: registry.address,
        LEADER_KEY: KEY,
        ORDERS_PORT: port,
      },
      job,
      { ttlSeconds: TTL_SECONDS, timeScale: SCALE },
    );
    const created = { name, job, leadership };
    instances.push(created);
    leadership.start();
    return created;
  }

  /** Two instances, `a` started first and elected; `b` following. */
  async function pair(): Promise<[Instance, Instance]> {
    const a = instance('a', 20154);
    await waitUntil(() => a.leadership.isLeader, { what: 'a to lead' });
    const b = instance('b', 20164);
    await waitUntil(
      async () => (await registry.request('/v1/session/list')).body.split('"ID"').length === 3,
      {
        what: 'b to hold a session',
      },
    );
    return [a, b];
  }

  const leaders = () => instances.filter((i) => i.leadership.isLeader);
  const lockSession = async (): Promise<string | undefined> => {
    const { status, body } = await registry.request(`/v1/kv/${KEY}`);
    return status === 200 ? (JSON.parse(body) as { Session?: string }[])[0].Session : undefined;
  };

  it('elects exactly one of two; only the leader runs the job; the key names it', async () => {
    const [a, b] = await pair();
    await new Promise((resolve) => setTimeout(resolve, 2 * LEASE_MS));
    expect(leaders()).toEqual([a]);
    expect(a.job.running).toBe(true);
    expect(b.job.running).toBe(false);
    expect(b.job.startedAt).toEqual([]);
    const { body } = await registry.request(`/v1/kv/${KEY}?raw`);
    expect(body).toMatch(/^orders-.+-20154-[0-9a-f]{6}$/);
  });

  it('stop() on the leader: the other takes over promptly (explicit release, no lock-delay)', async () => {
    const [a, b] = await pair();
    const stoppedAt = Date.now();
    await a.leadership.stop();
    expect(a.job.running).toBe(false);
    await waitUntil(() => b.leadership.isLeader, { what: 'b to lead', intervalMs: 5 });
    expect(b.job.startedAt[0] - stoppedAt).toBeLessThan(LOCK_DELAY_MS / 2);
  });

  it('leader session destroyed from outside: it steps down (renew 404); the other leads only after the lock-delay', async () => {
    const [a, b] = await pair();
    const session = await lockSession();
    expect(session).toBeDefined();
    const destroyedAt = Date.now();
    await registry.request(`/v1/session/destroy/${session}`, 'PUT');
    await waitUntil(() => !a.leadership.isLeader, { what: 'a to step down', intervalMs: 5 });
    expect(logs.some((line) => line.includes('no longer leads (session-invalidated)'))).toBe(true);
    // The old leader dies; only b is left to take over.
    await a.leadership.stop();
    await waitUntil(() => b.leadership.isLeader, {
      what: 'b to lead',
      timeoutMs: 5000,
      intervalMs: 5,
    });
    const tookOverAfter = b.job.startedAt[0] - destroyedAt;
    expect(tookOverAfter).toBeGreaterThanOrEqual(LOCK_DELAY_MS - TOLERANCE_MS);
    expect(tookOverAfter).toBeLessThan(LOCK_DELAY_MS + 1500);
  });

  it('after an invalidation with both still running: nobody leads before the lock-delay, then exactly one', async () => {
    const [a, b] = await pair();
    const destroyedAt = Date.now();
    await registry.request(`/v1/session/destroy/${await lockSession()}`, 'PUT');
    await waitUntil(async () => leaders().length === 1 && !!(await lockSession()), {
      what: 'a new leader',
      timeoutMs: 5000,
    });
    const elections = [...a.job.startedAt.slice(1), ...b.job.startedAt];
    expect(elections).toHaveLength(1);
    expect(elections[0] - destroyedAt).toBeGreaterThanOrEqual(LOCK_DELAY_MS - TOLERANCE_MS);
  });

  it('registry killed: the leader steps down within its TTL budget; the follower does not lead', async () => {
    const [a, b] = await pair();
    registry.process.signal('SIGKILL');
    const killedAt = Date.now();
    await waitUntil(() => !a.leadership.isLeader, { what: 'a to step down', intervalMs: 5 });
    expect(Date.now() - killedAt).toBeLessThanOrEqual(LEASE_MS + 100);
    expect(a.job.running).toBe(false);
    expect(logs.some((line) => line.includes('no longer leads (renewal-unconfirmed)'))).toBe(true);
    expect(b.leadership.isLeader).toBe(false);
    expect(b.job.startedAt).toEqual([]);
  });
});
