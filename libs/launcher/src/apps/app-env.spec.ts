import { appEnv, type AppEnvContext } from './app-env';
import { appProcessSpec } from './app-process';
import type { AppDefinition } from './app-set';

const app = (name: string, role: AppDefinition['role']): AppDefinition => ({
  name,
  project: name === 'registry' ? 'dev-registry' : name,
  role,
  main: `apps/${name}/dist/main.js`,
});
const catalog = app('catalog', 'service');
const consoleApp = app('console', 'console');

const withConsole: AppEnvContext = {
  host: '127.0.0.1',
  ports: {
    apps: { registry: 8500, console: 8090, catalog: 9101, gateway: 8080 },
    metrics: { catalog: 9200, gateway: 9201 },
    consoleOtlp: 4318,
  },
  consulAddress: 'http://127.0.0.1:8500',
  console: { host: '127.0.0.1', port: 8090, otlpPort: 4318, token: 'ui-token' },
  control: { url: 'http://127.0.0.1:40001', token: 'control-token' },
};
const testStack: AppEnvContext = {
  host: '127.0.0.1',
  ports: { apps: { registry: 18501, catalog: 21051 } },
  consulAddress: 'http://127.0.0.1:18501',
};

describe('appEnv', () => {
  it('places a service and points it at the console with development sampling', () => {
    expect(appEnv(catalog, withConsole, {})).toEqual({
      CONSUL_HTTP_ADDR: 'http://127.0.0.1:8500',
      CATALOG_HOST: '127.0.0.1',
      CATALOG_PORT: '9101',
      OTEL_SERVICE_NAME: 'catalog',
      METRICS_PORT: '9200',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
      OTEL_BSP_SCHEDULE_DELAY: '500',
      OTEL_TRACES_SAMPLER: 'parentbased_always_on',
    });
  });

  it("lets the user's collector and sampler win, and sends the console's key nowhere else", () => {
    const ctx = {
      ...withConsole,
      console: { ...withConsole.console!, otlpApiKey: 'k'.repeat(20) },
    };
    const env = appEnv(catalog, ctx, {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
    });
    expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://collector:4318');
    expect(env.OTEL_TRACES_SAMPLER).toBe('parentbased_traceidratio');
    expect(env.OTEL_EXPORTER_OTLP_HEADERS).toBeUndefined();
    expect(appEnv(catalog, ctx, {}).OTEL_EXPORTER_OTLP_HEADERS).toBe(
      `x-otlp-api-key=${'k'.repeat(20)}`,
    );
  });

  it("gives the gateway and every service the run's caller-signing secret, unless the user set one", () => {
    const ctx = { ...testStack, internalTokenSecret: 's'.repeat(43) };
    const gateway = app('gateway', 'gateway');
    expect(appEnv(gateway, ctx, {}).INTERNAL_TOKEN_SECRET).toBe('s'.repeat(43));
    expect(appEnv(catalog, ctx, {}).INTERNAL_TOKEN_SECRET).toBe('s'.repeat(43));
    expect(appEnv(consoleApp, ctx, {}).INTERNAL_TOKEN_SECRET).toBeUndefined();
    expect(
      appEnv(catalog, ctx, { INTERNAL_TOKEN_SECRET: 'u'.repeat(40) }).INTERNAL_TOKEN_SECRET,
    ).toBe('u'.repeat(40));
  });

  it("keeps each process's own ports over the user's environment", () => {
    const env = appEnv(catalog, withConsole, { METRICS_PORT: '9999', CATALOG_PORT: '1' });
    expect(env.METRICS_PORT).toBe('9200');
    expect(env.CATALOG_PORT).toBe('9101');
  });

  it('tells the console its ports, token and the control API', () => {
    expect(appEnv(consoleApp, withConsole, {})).toEqual({
      CONSUL_HTTP_ADDR: 'http://127.0.0.1:8500',
      OTEL_SERVICE_NAME: 'console',
      CONSOLE_HOST: '127.0.0.1',
      CONSOLE_PORT: '8090',
      CONSOLE_OTLP_PORT: '4318',
      CONSOLE_TOKEN: 'ui-token',
      JUNCTION_LAUNCHER_URL: 'http://127.0.0.1:40001',
      JUNCTION_LAUNCHER_TOKEN: 'control-token',
    });
  });

  it('runs a test stack without a console: sampling untouched, any free metrics port', () => {
    const env = appEnv(catalog, testStack, { LOG_LEVEL: 'warn' });
    expect(env).toEqual({
      CONSUL_HTTP_ADDR: 'http://127.0.0.1:18501',
      CATALOG_HOST: '127.0.0.1',
      CATALOG_PORT: '21051',
      OTEL_SERVICE_NAME: 'catalog',
      METRICS_PORT: '0',
      LOG_LEVEL: 'warn',
    });
    expect(appEnv(catalog, testStack, { METRICS_PORT: '21999' }).METRICS_PORT).toBe('21999');
  });

  it('places the dev registry with its own variables', () => {
    expect(appEnv(app('registry', 'registry'), testStack, {})).toEqual({
      DEV_REGISTRY_HOST: '127.0.0.1',
      DEV_REGISTRY_PORT: '18501',
    });
  });
});

describe('appProcessSpec', () => {
  it('preloads telemetry into services and the gateway only', () => {
    expect(appProcessSpec(catalog, {}, '/ws').args).toEqual([
      '--require',
      '@junction/telemetry/preload',
      'apps/catalog/dist/main.js',
    ]);
    expect(appProcessSpec(consoleApp, {}, '/ws')).toMatchObject({
      name: 'console',
      command: process.execPath,
      args: ['apps/console/dist/main.js'],
      cwd: '/ws',
    });
  });

  it('runs a bundle with plain node from the bundles folder, telemetry being in the bundle', () => {
    expect(appProcessSpec(catalog, {}, '/ws', '/srv/bundles')).toMatchObject({
      command: process.execPath,
      args: ['/srv/bundles/catalog/main.js'],
      cwd: '/srv/bundles',
    });
  });
});
