import {
  awaitReady,
  consulAnswers,
  grpcServing,
  shopServices,
  startApp,
  startDevRegistry,
  type ManagedProcess,
  type ShopOptions,
  withEveryService,
} from '@junction/testing';
import { REGISTRY_URL, SERVICE_PORTS } from './edge-ports';
import { setStack } from './stack-handle';

export const SERVICE_OPTIONS: ShopOptions = {
  ports: SERVICE_PORTS,
  env: { LOG_LEVEL: 'warn', CHECK_INTERVAL: '1s', REGISTRATION_KEEPALIVE_MS: '500' },
};

/** The dev registry and every workspace service, registered in it; gateways come per suite. */
export default async function globalSetup(): Promise<void> {
  const ports = await withEveryService(SERVICE_PORTS);
  const options = { ...SERVICE_OPTIONS, ports };
  const processes: ManagedProcess[] = [];
  setStack(processes);
  const registry = startDevRegistry(SERVICE_OPTIONS);
  processes.push(registry);
  await awaitReady(registry, () => consulAnswers(REGISTRY_URL), 20_000);
  await Promise.all(
    shopServices().map((service) => {
      const proc = startApp(service, options);
      processes.push(proc);
      return awaitReady(proc, () => grpcServing(`127.0.0.1:${ports[service]}`), 20_000);
    }),
  );
}
