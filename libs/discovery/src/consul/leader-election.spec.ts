import { waitUntil } from '@junction/test-support';
import { LeaderElection, type DemotionReason } from './leader-election';
import { FakeLeaderRegistry } from './leader-registry.fixture';
import { leaderTiming } from './leader-timing';

const KEY = 'junction/leader/test';
// TTL 10 s, lock-delay 15 s at scale 0.01: a 100 ms lease, a 150 ms lock-delay.
const timing = leaderTiming({
  ttlSeconds: 10,
  timeScale: 0.01,
  backoff: { initialMs: 5, maxMs: 40 },
});
const LOCK_DELAY_MS = 150;

interface Candidate {
  readonly election: LeaderElection;
  readonly events: string[];
  readonly sleeps: number[];
}

describe('LeaderElection', () => {
  let registry: FakeLeaderRegistry;
  const candidates: Candidate[] = [];
  beforeEach(() => {
    registry = new FakeLeaderRegistry();
  });
  afterEach(async () => {
    await Promise.all(candidates.splice(0).map((c) => c.election.stop()));
  });

  function candidate(identity: string, onDemoted?: (reason: DemotionReason) => Promise<void>) {
    const events: string[] = [];
    const sleeps: number[] = [];
    const election = new LeaderElection({
      registry,
      key: KEY,
      identity,
      timing,
      onElected: () => events.push('elected'),
      onDemoted: async (reason) => {
        events.push(`demoted ${reason}`);
        await onDemoted?.(reason);
      },
      sleep: (ms, signal) => {
        sleeps.push(ms);
        return new Promise((resolve) => {
          const timer = setTimeout(resolve, ms);
          signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
        });
      },
    });
    const c = { election, events, sleeps };
    candidates.push(c);
    election.start();
    return c;
  }
  const holder = () => registry.entry(KEY)?.holder;
  const sessionOf = (identity: string) =>
    registry.entry(KEY)?.value === identity ? holder() : undefined;

  it('elects one candidate, which writes its identity under a `<key> leader` session', async () => {
    const a = candidate('a');
    await waitUntil(() => a.election.isLeader);
    const b = candidate('b');
    await waitUntil(() => registry.calls.filter((c) => c === 'read').length >= 3);
    expect(b.election.isLeader).toBe(false);
    expect(registry.entry(KEY)?.value).toBe('a');
    expect(registry.sessions.get(holder()!)).toEqual({
      name: `${KEY} leader`,
      ttl: '10s',
      lockDelay: '15s',
    });
    expect(a.events).toEqual(['elected']);
    expect(b.events).toEqual([]);
  });

  it('a follower blocks on the key instead of polling it', async () => {
    const a = candidate('a');
    await waitUntil(() => a.election.isLeader);
    const b = candidate('b');
    await waitUntil(() => registry.calls.filter((c) => c === 'read').length >= 3);
    const before = registry.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Only renewals (about three each per 100 ms): no acquire, no read.
    const since = registry.calls.slice(before);
    expect(since.every((call) => call.startsWith('renew'))).toBe(true);
    expect(b.election.isLeader).toBe(false);
  });

  it('stop(): demotes first, then releases the lock (no lock-delay) and destroys the session', async () => {
    const order: string[] = [];
    const a = candidate('a', async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push(`job stopped; holder ${holder() ? 'still a' : 'none'}`);
    });
    await waitUntil(() => a.election.isLeader);
    const b = candidate('b');
    const session = holder()!;
    await a.election.stop();
    expect(order).toEqual(['job stopped; holder still a']);
    expect(a.events).toEqual(['elected', 'demoted stopped']);
    expect(registry.calls).toContain(`release ${session}`);
    expect(registry.sessions.has(session)).toBe(false);
    await waitUntil(() => b.election.isLeader, { timeoutMs: 1000 });
    expect(registry.entry(KEY)?.value).toBe('b');
  });

  it('steps down on a 404 renewal; the follower takes over only after the lock-delay', async () => {
    const a = candidate('a');
    await waitUntil(() => a.election.isLeader);
    const b = candidate('b');
    await waitUntil(() => registry.calls.filter((c) => c === 'read').length >= 3);
    const invalidatedAt = Date.now();
    registry.invalidate(holder()!, LOCK_DELAY_MS);
    await waitUntil(() => !a.election.isLeader);
    expect(a.events).toEqual(['elected', 'demoted session-invalidated']);
    await waitUntil(() => holder() !== undefined, { timeoutMs: 2000 });
    expect(Date.now() - invalidatedAt).toBeGreaterThanOrEqual(LOCK_DELAY_MS);
    expect([a, b].filter((c) => c.election.isLeader)).toHaveLength(1);
    // Refused while free: bounded, growing pauses, never a busy loop.
    const waits = b.sleeps.filter((ms) => ms > 0);
    expect(waits.length).toBeGreaterThan(0);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(timing.freeLockRetry.initialMs / 2);
    expect(Math.max(...waits)).toBeLessThan(timing.freeLockRetry.maxMs);
  });

  it('a leader that cannot reach the registry steps down within one lease', async () => {
    const a = candidate('a');
    await waitUntil(() => a.election.isLeader);
    const downAt = performance.now();
    registry.goDown();
    await waitUntil(() => !a.election.isLeader, { timeoutMs: 1000, intervalMs: 2 });
    expect(performance.now() - downAt).toBeLessThanOrEqual(timing.leaseMs + 30);
    expect(a.events).toEqual(['elected', 'demoted renewal-unconfirmed']);
  });

  it('campaigns again with a new session once the registry is back', async () => {
    const a = candidate('a');
    await waitUntil(() => a.election.isLeader);
    const first = holder();
    registry.goDown();
    await waitUntil(() => !a.election.isLeader, { timeoutMs: 1000 });
    registry.down = false;
    // Its old session could not be destroyed; Consul ends it 2 × TTL after the last renewal.
    registry.invalidate(first!, LOCK_DELAY_MS);
    await waitUntil(() => a.election.isLeader, { timeoutMs: 2000 });
    expect(sessionOf('a')).not.toBe(first);
    expect(a.events).toEqual(['elected', 'demoted renewal-unconfirmed', 'elected']);
  });

  it('steps down when the key is deleted under it, then takes it again', async () => {
    const a = candidate('a');
    await waitUntil(() => a.election.isLeader);
    registry.deleteKey(KEY);
    await waitUntil(() => a.events.length === 3);
    expect(a.events).toEqual(['elected', 'demoted lock-lost', 'elected']);
  });

  it('stop() of a follower destroys its session and leaves the leader alone', async () => {
    const a = candidate('a');
    await waitUntil(() => a.election.isLeader);
    const b = candidate('b');
    await waitUntil(() => registry.sessions.size === 2);
    await b.election.stop();
    expect(registry.sessions.size).toBe(1);
    expect(a.election.isLeader).toBe(true);
    expect(b.events).toEqual([]);
  });

  it('keeps trying, with backoff, while no session can be created', async () => {
    registry.down = true;
    const a = candidate('a');
    await waitUntil(() => a.sleeps.length >= 4);
    expect(a.sleeps.slice(0, 4).every((ms) => ms >= 2 && ms < 40)).toBe(true);
    registry.down = false;
    await waitUntil(() => a.election.isLeader, { timeoutMs: 1000 });
  });
});
