import { waitUntil } from '@junction/test-support';
import { FakeLeaderRegistry } from './leader-registry.fixture';
import { LeaderSession } from './leader-session';
import { leaderTiming } from './leader-timing';

// TTL 10 s at scale 0.01: a 100 ms lease, renewals every ~33 ms.
const timing = leaderTiming({ ttlSeconds: 10, lockDelaySeconds: 5, timeScale: 0.01 });

describe('LeaderSession', () => {
  let registry: FakeLeaderRegistry;
  let session: LeaderSession | undefined;
  beforeEach(() => {
    registry = new FakeLeaderRegistry();
  });
  afterEach(() => session?.close());

  const open = async () => {
    session = await LeaderSession.open({ registry, name: 'k leader', timing });
    return session;
  };

  it('creates a session with the TTL and lock-delay, and renews it at TTL/3', async () => {
    const s = await open();
    expect(registry.sessions.get(s.id)).toEqual({ name: 'k leader', ttl: '10s', lockDelay: '5s' });
    await waitUntil(() => registry.calls.filter((c) => c === `renew ${s.id}`).length >= 4);
    expect(s.isLost).toBe(false);
  });

  it('is lost (session-invalidated) when a renewal answers 404', async () => {
    const s = await open();
    registry.invalidate(s.id, 0);
    expect(await s.lost).toBe('session-invalidated');
    expect(s.signal.aborted).toBe(true);
  });

  it('is lost (renewal-unconfirmed) one lease after its last confirmed renewal', async () => {
    const s = await open();
    await waitUntil(() => registry.calls.includes(`renew ${s.id}`));
    const downAt = performance.now();
    registry.goDown();
    expect(await s.lost).toBe('renewal-unconfirmed');
    // The last confirmed renewal was sent at most one renewal period before.
    const elapsed = performance.now() - downAt;
    expect(elapsed).toBeLessThanOrEqual(timing.leaseMs + 30);
    expect(elapsed).toBeGreaterThanOrEqual(timing.leaseMs - timing.renewEveryMs - 5);
  });

  it('check() renews at once and reports a vanished session', async () => {
    const s = await open();
    expect(await s.check()).toBe(true);
    registry.invalidate(s.id, 0);
    expect(await s.check()).toBe(false);
    expect(await s.lost).toBe('session-invalidated');
  });

  it('close() stops renewing and destroys the session, without calling it lost', async () => {
    const s = await open();
    await s.close();
    session = undefined;
    expect(registry.sessions.has(s.id)).toBe(false);
    expect(registry.calls.at(-1)).toBe(`destroy ${s.id}`);
    const count = registry.calls.length;
    await new Promise((resolve) => setTimeout(resolve, timing.leaseMs * 1.5));
    expect(registry.calls.length).toBe(count);
    expect(s.isLost).toBe(false);
  });

  it('close() survives a registry it cannot reach', async () => {
    const errors: string[] = [];
    session = await LeaderSession.open({
      registry,
      name: 'k leader',
      timing,
      onError: (message) => errors.push(message),
    });
    registry.goDown();
    await session.close();
    expect(errors).toContain('could not destroy the leader session; its TTL will end it');
  });
});
