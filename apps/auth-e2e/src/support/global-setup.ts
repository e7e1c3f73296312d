import {
  awaitReady,
  httpOk,
  startApp,
  startShop,
  processLogFiles,
  type ManagedProcess,
  type ShopOptions,
} from '@junction/testing';
import { AUTH_PORTS } from './auth-ports';
import { setStack } from './stack-handle';
import { AUDIENCE, ISSUER, startTestIdentityProvider } from './test-identity-provider';

/**
 * The identity provider, the shop with its gateway, a second replica of it
 * and a gateway behind a trusted proxy, all on one registry; process logs
 * go to tmp/auth-e2e/.
 */
export default async function globalSetup(): Promise<void> {
  const logs = processLogFiles('auth-e2e');
  const provider = await startTestIdentityProvider(AUTH_PORTS.jwks);
  const options: ShopOptions = {
    ports: AUTH_PORTS.shop,
    env: {
      AUTH_JWKS_URL: provider.jwksUrl,
      AUTH_JWT_ISSUER: ISSUER,
      AUTH_JWT_AUDIENCE: AUDIENCE,
      // A rotated key is fetched on its first token, not 30 s later.
      AUTH_JWKS_COOLDOWN_MS: '200',
      LOG_LEVEL: 'info',
    },
    onLine: (name, line) => logs.write(name, line),
  };
  const shop = await startShop(options);
  const replicas: ManagedProcess[] = [];
  const startGateway = async (port: number, name: string, env: Record<string, string> = {}) => {
    const proc = startApp(
      'gateway',
      {
        ...options,
        ports: { ...shop.ports, gateway: port },
        onLine: (_, line) => logs.write(name, line),
      },
      { OTEL_SERVICE_NAME: name, ...env },
    );
    replicas.push(proc);
    await awaitReady(proc, () => httpOk(`http://127.0.0.1:${port}/readyz`), 30_000);
  };
  try {
    await Promise.all([
      startGateway(AUTH_PORTS.gatewayB, 'gateway-b'),
      startGateway(AUTH_PORTS.gatewayProxied, 'gateway-proxied', {
        TRUST_PROXY: '127.0.0.1',
        AUTH_FAILURE_LIMIT: '3',
      }),
    ]);
  } catch (error) {
    await Promise.all(replicas.map((proc) => proc.stop()));
    await shop.stop();
    await provider.close();
    throw error;
  }
  setStack({ provider, shop, replicas, logs });
}
