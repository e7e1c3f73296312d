import {
  awaitReady,
  consulAnswers,
  createStackApiKey,
  FAST_DISCOVERY_ENV,
  grpcServing,
  httpOk,
  shopServices,
  startApp,
  startDevRegistry,
  startPostgresServer,
  withEveryService,
  type ManagedProcess,
  type PostgresServer,
  type ShopOptions,
  type ShopPorts,
} from '@junction/testing';

/** Two instances of each stateful service; one of everything else. */
export interface PersistencePorts extends ShopPorts {
  readonly postgres: number;
  readonly orders: number;
  readonly ordersB: number;
  readonly inventory: number;
  readonly inventoryB: number;
}

export interface PersistenceStack {
  readonly gatewayUrl: string;
  /** An API key (scope orders) the gateway accepts; it stays valid across restartApps. */
  readonly apiKey: string;
  readonly postgres: PostgresServer;
  /** Every app process by instance name (orders, orders-b, inventory, inventory-b, …). */
  readonly processes: Map<string, ManagedProcess>;
  /** Stops every app (not the database) and starts them all again. */
  restartApps(): Promise<void>;
  stopApps(): Promise<void>;
  stop(): Promise<void>;
}

const STATEFUL = ['orders', 'inventory'] as const;

/**
 * A real PostgreSQL cluster with one database, `junction`, that both
 * services share (each keeps to its own schema); the registry; two orders
 * and two inventory instances; every other service once; the gateway.
 */
export async function startPersistenceStack(ports: PersistencePorts): Promise<PersistenceStack> {
  const postgres = await startPostgresServer(ports.postgres);
  await postgres.createDatabase('junction');
  const everyPort = await withEveryService(ports);
  const options: ShopOptions = {
    ports: everyPort,
    env: {
      ...FAST_DISCOVERY_ENV,
      DATABASE_URL: postgres.url('junction'),
      // A retry may take over the key of an order whose instance was killed.
      IDEMPOTENCY_CLAIM_LEASE_MS: '1500',
    },
  };
  const processes = new Map<string, ManagedProcess>();
  const instances = [
    ...shopServices()
      .filter((name) => !(STATEFUL as readonly string[]).includes(name))
      .map((name) => ({ name, service: name, port: everyPort[name], env: {} })),
    { name: 'orders', service: 'orders', port: ports.orders, env: { ORDERS_MACHINE_ID: '1' } },
    { name: 'orders-b', service: 'orders', port: ports.ordersB, env: { ORDERS_MACHINE_ID: '2' } },
    { name: 'inventory', service: 'inventory', port: ports.inventory, env: {} },
    { name: 'inventory-b', service: 'inventory', port: ports.inventoryB, env: {} },
  ];
  const startApps = async () => {
    // Both instances of a service start at once: their migrations contend
    // for one lock, the way replicas of a fresh deployment do.
    await Promise.all(
      instances.map(async ({ name, service, port, env }) => {
        const proc = startApp(
          service,
          { ...options, ports: { ...everyPort, [service]: port } },
          env,
        );
        processes.set(name, proc);
        await awaitReady(proc, () => grpcServing(`127.0.0.1:${port}`), 30_000);
      }),
    );
    const gateway = startApp('gateway', options);
    processes.set('gateway', gateway);
    await awaitReady(gateway, () => httpOk(`http://127.0.0.1:${ports.gateway}/readyz`), 30_000);
  };
  const stopApps = async () => {
    const apps = [...processes.entries()].filter(([name]) => name !== 'registry');
    await Promise.all(apps.map(([, proc]) => proc.stop()));
    for (const [name] of apps) processes.delete(name);
  };
  const registry = startDevRegistry(options);
  processes.set('registry', registry);
  await awaitReady(registry, () => consulAnswers(`http://127.0.0.1:${ports.registry}`), 20_000);
  await startApps();
  const gatewayUrl = `http://127.0.0.1:${ports.gateway}`;
  const { key: apiKey } = await createStackApiKey(
    `http://127.0.0.1:${ports.registry}`,
    gatewayUrl,
    'persistence-e2e',
  );
  return {
    gatewayUrl,
    apiKey,
    postgres,
    processes,
    restartApps: async () => {
      await stopApps();
      await startApps();
    },
    stopApps,
    stop: async () => {
      await stopApps();
      await registry.stop();
      await postgres.destroy();
    },
  };
}
