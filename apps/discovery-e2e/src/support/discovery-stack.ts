import {
  awaitReady,
  consulAnswers,
  FAST_DISCOVERY_ENV,
  grpcServing,
  httpOk,
  shopServices,
  startApp,
  startDevRegistry,
  startOtlpReceiver,
  type ManagedProcess,
  type OtlpReceiver,
  type ShopOptions,
  type ShopPorts,
  type ShopService,
  withEveryService,
} from '@junction/testing';

/** Fast registry timings, and every span sampled and exported quickly (the tests read them). */
const FAST_DISCOVERY = {
  ...FAST_DISCOVERY_ENV,
  OTEL_TRACES_SAMPLER: 'always_on',
  OTEL_BSP_SCHEDULE_DELAY: '100',
  LOG_LEVEL: 'info',
};

export interface DiscoveryStack {
  readonly gatewayUrl: string;
  readonly registryUrl: string;
  readonly receiver: OtlpReceiver;
  readonly processes: Map<string, ManagedProcess>;
  /** Another catalog instance, with its own port and span service name (`catalog-<label>`). */
  startCatalog(label: string, port: number): Promise<ManagedProcess>;
  restartRegistry(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Registry, two catalogs (catalog-a, catalog-b), the other services and the
 * gateway. Each catalog exports its spans under its own name, so the test
 * OTLP receiver tells which instance served what.
 */
export async function startDiscoveryStack(
  suitePorts: ShopPorts,
  secondCatalogPort: number,
): Promise<DiscoveryStack> {
  // Every other workspace service too (one added later as well): the gateway is ready only with all.
  const ports = await withEveryService(suitePorts);
  const receiver = await startOtlpReceiver();
  const options: ShopOptions = {
    ports,
    env: { ...FAST_DISCOVERY, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url },
  };
  const registryUrl = `http://127.0.0.1:${ports.registry}`;
  const processes = new Map<string, ManagedProcess>();
  const startRegistry = async () => {
    const registry = startDevRegistry(options);
    processes.set('registry', registry);
    await awaitReady(registry, () => consulAnswers(registryUrl), 20_000);
  };
  const startCatalog = async (label: string, port: number) => {
    const proc = startApp(
      'catalog',
      { ...options, ports: { ...ports, catalog: port } },
      {
        OTEL_SERVICE_NAME: `catalog-${label}`,
      },
    );
    processes.set(`catalog-${label}`, proc);
    await awaitReady(proc, () => grpcServing(`127.0.0.1:${port}`), 20_000);
    return proc;
  };
  const startService = async (service: ShopService) => {
    const proc = startApp(service, options);
    processes.set(service, proc);
    await awaitReady(proc, () => grpcServing(`127.0.0.1:${ports[service]}`), 20_000);
  };
  const stop = async () => {
    const apps = [...processes.entries()].filter(([name]) => name !== 'registry');
    await Promise.all(apps.map(([, proc]) => proc.stop()));
    await processes.get('registry')?.stop();
    await receiver.close();
  };
  try {
    await startRegistry();
    await Promise.all([
      startCatalog('a', ports.catalog),
      startCatalog('b', secondCatalogPort),
      ...shopServices()
        .filter((name) => name !== 'catalog')
        .map(startService),
    ]);
    const gateway = startApp('gateway', options);
    processes.set('gateway', gateway);
    const gatewayUrl = `http://127.0.0.1:${ports.gateway}`;
    await awaitReady(gateway, () => httpOk(`${gatewayUrl}/readyz`), 20_000);
    return {
      gatewayUrl,
      registryUrl,
      receiver,
      processes,
      startCatalog,
      restartRegistry: async () => {
        await processes.get('registry')?.stop();
        await startRegistry();
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
