// Registrations against the real dev registry (a child process). Build it
// first: npx nx run dev-registry:build
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitUntil } from '@junction/test-support';
import { startSpecRegistry, type SpecRegistry } from './dev-registry.fixture';
import { serviceRegistration, type RegistrationSettings } from './discovery-setup';

jest.setTimeout(30_000);

interface AgentCheck {
  Status: string;
  Type?: string;
  ServiceID: string;
}

describe('serviceRegistration (real dev registry)', () => {
  let registry: SpecRegistry;
  let healthz: Server;
  let healthzPort: number;
  let healthy = true;
  const settings = (): RegistrationSettings => ({
    DISCOVERY: 'consul',
    CONSUL_HTTP_ADDR: registry.address,
    DISCOVERY_WAIT_MS: 5000,
    CHECK_INTERVAL: '1s',
    CHECK_TIMEOUT: '500ms',
    DEREGISTER_CRITICAL_AFTER: '1m',
    REGISTRATION_KEEPALIVE_MS: 3000,
  });
  const checkOf = async (id: string): Promise<AgentCheck | undefined> => {
    const checks = (await (await fetch(`${registry.address}/v1/agent/checks`)).json()) as Record<
      string,
      AgentCheck
    >;
    return Object.values(checks).find((check) => check.ServiceID === id);
  };

  beforeAll(async () => {
    registry = await startSpecRegistry(23251);
    healthz = createServer((req, res) => {
      res.writeHead(req.url === '/healthz' && healthy ? 200 : 503).end();
    });
    await new Promise<void>((resolve) => healthz.listen(0, '127.0.0.1', resolve));
    healthzPort = (healthz.address() as AddressInfo).port;
  });
  afterAll(async () => {
    healthz?.close();
    await registry?.stop();
  });

  it('advertises the bound metrics port in meta metrics_port', async () => {
    const registration = serviceRegistration(settings(), {
      name: 'catalog',
      listenHost: '127.0.0.1',
      port: 23252,
      metricsPort: 41234,
      meta: { version: '0.1.0' },
    })!;
    await registration.register();
    try {
      const services = (await (
        await fetch(`${registry.address}/v1/agent/services`)
      ).json()) as Record<string, { Service: string; Meta: Record<string, string> }>;
      expect(services[registration.id]).toMatchObject({
        Service: 'catalog',
        Meta: { version: '0.1.0', metrics_port: '41234' },
      });
    } finally {
      await registration.deregister();
    }
  });

  it('registers an HTTP server with an HTTP check on its health path, which the registry runs', async () => {
    const registration = serviceRegistration(settings(), {
      name: 'gateway',
      listenHost: '127.0.0.1',
      port: healthzPort,
      metricsPort: 41235,
      httpCheckPath: '/healthz',
      meta: { http_port: String(healthzPort) },
    })!;
    await registration.register();
    try {
      expect(await checkOf(registration.id)).toMatchObject({ Status: 'passing', Type: 'http' });
      healthy = false;
      await waitUntil(async () => (await checkOf(registration.id))?.Status === 'critical', {
        timeoutMs: 5000,
        what: 'the HTTP check to go critical',
      });
    } finally {
      healthy = true;
      await registration.deregister();
    }
    expect(await checkOf(registration.id)).toBeUndefined();
  });

  it('is none with DISCOVERY=static', () => {
    expect(
      serviceRegistration(
        { ...settings(), DISCOVERY: 'static' },
        { name: 'gateway', listenHost: '127.0.0.1', port: 1, meta: {} },
      ),
    ).toBeUndefined();
  });
});
