import {
  awaitReady,
  consulAnswers,
  grpcServing,
  startApp,
  startDevRegistry,
  waitUntil,
  type ManagedProcess,
  type ShopOptions,
} from '@junction/testing';

const SCALE = 0.05;
/** Consul's default lock-delay (15 s), on the scaled clock. */
const LOCK_DELAY_MS = 15_000 * SCALE;
const PORTS = {
  registry: 19503,
  gateway: 19083,
  catalog: 22191,
  inventory: 22192,
  reviews: 22193,
  orders: 22181,
};
const leads = (proc: ManagedProcess) =>
  proc.lines.some((line) => line.includes('leads junction/leader/orders-expiry'));

describe('two orders instances electing the expiry leader', () => {
  const options: ShopOptions = {
    ports: PORTS,
    env: { LOG_LEVEL: 'info', LEADER_TIME_SCALE: String(SCALE) },
  };
  let registry: ManagedProcess;
  const instances: ManagedProcess[] = [];

  const startOrders = async (port: number, machineId: number) => {
    const proc = startApp(
      'orders',
      { ...options, ports: { ...PORTS, orders: port } },
      { ORDERS_MACHINE_ID: String(machineId) },
    );
    instances.push(proc);
    await awaitReady(proc, () => grpcServing(`127.0.0.1:${port}`), 20_000);
    return proc;
  };

  beforeAll(async () => {
    registry = startDevRegistry(options, { DEV_REGISTRY_TIME_SCALE: String(SCALE) });
    await awaitReady(registry, () => consulAnswers(`http://127.0.0.1:${PORTS.registry}`), 20_000);
  });
  afterAll(async () => {
    await Promise.all(instances.map((proc) => proc.stop()));
    await registry?.stop();
  });

  it('elects exactly one; when the leader crashes the other takes over, not before the lock-delay', async () => {
    const [first, second] = await Promise.all([startOrders(22181, 1), startOrders(22182, 2)]);
    const leader = await waitUntil(() => [first, second].find(leads), { what: 'a leader' });
    const follower = leader === first ? second : first;
    expect(leads(follower)).toBe(false);

    leader.signal('SIGKILL');
    await leader.exited;
    const killedAt = Date.now();
    await waitUntil(() => leads(follower), {
      what: 'the follower to take over',
      timeoutMs: 15_000,
      intervalMs: 20,
    });
    // The crashed leader's session lapses (2 × TTL) and its lock stays barred for the lock-delay.
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(LOCK_DELAY_MS);
  });

  it('hands over at once when the leader stops gracefully (explicit release: no lock-delay)', async () => {
    const current = instances.find((proc) => proc.running && leads(proc))!;
    const next = await startOrders(22183, 3);
    expect(leads(next)).toBe(false);
    current.signal('SIGTERM');
    expect((await current.exited).code).toBe(0);
    const stoppedAt = Date.now();
    await waitUntil(() => leads(next), {
      what: 'the new instance to lead',
      timeoutMs: 15_000,
      intervalMs: 20,
    });
    expect(Date.now() - stoppedAt).toBeLessThan(LOCK_DELAY_MS);
  });
});
