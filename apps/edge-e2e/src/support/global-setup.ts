import {
  awaitReady,
  consulAnswers,
  grpcServing,
  SHOP_SERVICES,
  startApp,
  startDevRegistry,
  type ManagedProcess,
  type ShopOptions,
} from '@junction/testing';
import { REGISTRY_URL, SERVICE_PORTS } from './edge-ports';
import { setStack } from './stack-handle';

export const SERVICE_OPTIONS: ShopOptions = {
  ports: SERVICE_PORTS,
  env: { LOG_LEVEL: 'warn', CHECK_INTERVAL: '1s', REGISTRATION_KEEPALIVE_MS: '500' },
};

/** The dev registry and the four services, registered in it; gateways come per suite. */
export default async function globalSetup(): Promise<void> {
  const processes: ManagedProcess[] = [];
  setStack(processes);
  const registry = startDevRegistry(SERVICE_OPTIONS);
  processes.push(registry);
  await awaitReady(registry, () => consulAnswers(REGISTRY_URL), 20_000);
  await Promise.all(
    SHOP_SERVICES.map((service) => {
      const proc = startApp(service, SERVICE_OPTIONS);
      processes.push(proc);
      return awaitReady(proc, () => grpcServing(`127.0.0.1:${SERVICE_PORTS[service]}`), 20_000);
    }),
  );
}
