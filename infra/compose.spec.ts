import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { healthPaths } from './support/app-routes';
import { checkCompose, type ComposeContext, type ComposeFile } from './support/compose-checks';
import {
  composeSchemaProblems,
  interpolate,
  interpolateAll,
  readComposeYaml,
} from './support/compose-file';
import { deployableApps, INFRA, WORKSPACE_ROOT } from './support/workspace-apps';
import { HEALTH_PROBE_IN_IMAGE } from './support/image-layout';
import { checkObservabilityWiring, readObservabilityFiles } from './support/compose-observability';

const COMPOSE = path.join(INFRA, 'compose.yaml');
// What `docker compose up` would be given: the two secrets it insists on.
const ENV = {
  CONSOLE_TOKEN: 't'.repeat(24),
  CONSOLE_OTLP_API_KEY: 'k'.repeat(24),
  INTERNAL_TOKEN_SECRET: 's'.repeat(32),
};

const composeFile = (): ComposeFile =>
  interpolateAll(readComposeYaml(COMPOSE), ENV) as unknown as ComposeFile;
const copy = (): ComposeFile => structuredClone(composeFile());

describe('infra/compose.yaml', () => {
  let ctx: ComposeContext;
  beforeAll(async () => {
    const apps = await deployableApps();
    const paths = Object.fromEntries(
      await Promise.all(
        apps.map(async (app) => [app.project, await healthPaths(app.project)] as const),
      ),
    );
    ctx = { apps, healthProbe: HEALTH_PROBE_IN_IMAGE, healthPaths: paths };
  });

  it('is a valid Compose file (the compose-spec JSON schema, after interpolation and merge keys)', () => {
    expect(composeSchemaProblems(composeFile())).toEqual([]);
  });

  it('passes dclint, but for its ordering rules and image-with-build (the image names what is built)', () => {
    const result = spawnSync(
      process.execPath,
      [
        require.resolve('dclint/package.json').replace('package.json', 'bin/dclint.cjs'),
        COMPOSE,
        '--formatter',
        'json',
        '--disable-rule',
        'service-keys-order',
        'services-alphabetical-order',
        'top-level-properties-order',
        'no-build-and-image',
      ],
      { cwd: WORKSPACE_ROOT, encoding: 'utf8' },
    );
    const reports = JSON.parse(result.stdout) as { messages: { message: string }[] }[];
    expect(reports.flatMap((report) => report.messages.map((m) => m.message))).toEqual([]);
    expect(result.status).toBe(0);
  });

  it('runs every app the workspace deploys, as they read their environment, listen and drain', () => {
    expect(checkCompose(composeFile(), ctx)).toEqual([]);
  });

  it("mounts infra/'s Prometheus and Grafana files where they are read, and they dial its services", () => {
    expect(checkObservabilityWiring(composeFile(), readObservabilityFiles())).toEqual([]);
    const broken = copy();
    broken.services.prometheus.volumes = [];
    broken.services.gateway.environment = {
      ...broken.services.gateway.environment,
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
    };
    const files = { ...readObservabilityFiles(), consulSdServers: ['registry'] };
    expect(checkObservabilityWiring(broken, files)).toEqual([
      'prometheus.yml discovers through registry, not the Consul service consul',
      'compose service prometheus: does not mount ./prometheus/prometheus.yml at /etc/prometheus/prometheus.yml',
      'compose service prometheus: does not mount ./prometheus/rules at /etc/prometheus/rules',
      'compose service gateway: OTEL_EXPORTER_OTLP_ENDPOINT http://collector:4318 is no service of this file',
    ]);
  });

  it('refuses to start without the console secrets or the caller-signing secret, as docker compose would', () => {
    const { INTERNAL_TOKEN_SECRET: _left, ...withoutSecret } = ENV;
    const { CONSOLE_TOKEN: _token, ...withoutConsoleToken } = ENV;
    expect(() => interpolateAll(readComposeYaml(COMPOSE), withoutConsoleToken)).toThrow(
      'CONSOLE_TOKEN',
    );
    expect(() => interpolateAll(readComposeYaml(COMPOSE), withoutSecret)).toThrow(
      'INTERNAL_TOKEN_SECRET',
    );
  });

  describe('fails when what it checks breaks', () => {
    it('a variable the app does not read', () => {
      const broken = copy();
      broken.services.catalog.environment = {
        ...broken.services.catalog.environment,
        CATALOG_PROT: '9101',
      };
      expect(checkCompose(broken, ctx)).toContain(
        'compose service catalog: sets CATALOG_PROT, which catalog does not read',
      );
    });

    it('a service without the caller-signing secret, or with another one than the gateway', () => {
      const broken = copy();
      const { INTERNAL_TOKEN_SECRET: _left, ...withoutSecret } = broken.services.reviews
        .environment as Record<string, string>;
      broken.services.reviews.environment = withoutSecret;
      broken.services.catalog.environment = {
        ...broken.services.catalog.environment,
        INTERNAL_TOKEN_SECRET: 'o'.repeat(32),
      };
      const problems = checkCompose(broken, ctx);
      expect(problems).toContain(
        "compose service reviews: no INTERNAL_TOKEN_SECRET; the platform's apps share one",
      );
      expect(problems).toContain(
        'compose: 2 different values of INTERNAL_TOKEN_SECRET; they must share one',
      );
    });

    it('a value the app refuses', () => {
      const broken = copy();
      broken.services.gateway.environment = {
        ...broken.services.gateway.environment,
        REDIS_URL: 'http://redis',
      };
      expect(checkCompose(broken, ctx).join('\n')).toMatch(
        /compose service gateway: gateway: REDIS_URL must be a redis/,
      );
    });

    it('a healthcheck on a port the app does not listen on, or not gRPC health', () => {
      const broken = copy();
      broken.services.reviews.healthcheck = {
        test: ['CMD', 'node', HEALTH_PROBE_IN_IMAGE, 'grpc://127.0.0.1:9999'],
      };
      broken.services.inventory.healthcheck = {
        test: ['CMD', 'node', HEALTH_PROBE_IN_IMAGE, 'tcp://127.0.0.1:9102'],
      };
      const problems = checkCompose(broken, ctx);
      expect(problems).toContain(
        'compose service reviews: healthcheck grpc://127.0.0.1:9999 probes port 9999, reviews listens on 9103',
      );
      expect(problems).toContain(
        'compose service inventory: healthcheck tcp://127.0.0.1:9102 is not gRPC health',
      );
    });

    it('an HTTP probe of a path the app does not serve', () => {
      const broken = copy();
      broken.services.gateway.healthcheck = {
        test: ['CMD', 'node', HEALTH_PROBE_IN_IMAGE, 'http://127.0.0.1:8080/ready'],
      };
      expect(checkCompose(broken, ctx).join('\n')).toMatch(
        /healthcheck http:\/\/127.0.0.1:8080\/ready is not one of gateway's health paths/,
      );
    });

    it('a listen port moved without its probe', () => {
      const broken = copy();
      broken.services.catalog.environment = {
        ...broken.services.catalog.environment,
        CATALOG_PORT: '9201',
      };
      expect(checkCompose(broken, ctx)).toContain(
        'compose service catalog: healthcheck grpc://127.0.0.1:9101 probes port 9101, catalog listens on 9201',
      );
    });

    it('one instance of a service, or two orders instances with one machine id', () => {
      const broken = copy();
      broken.services.reviews.deploy = { replicas: 1 };
      broken.services['orders-2'].environment = {
        ...broken.services['orders-2'].environment,
        ORDERS_MACHINE_ID: '1',
      };
      const problems = checkCompose(broken, ctx);
      expect(problems).toContain('compose: reviews runs 1 instance(s), wanted at least 2');
      expect(problems.join('\n')).toMatch(/orders's instances share ORDERS_MACHINE_ID \(1, 1\)/);
    });

    it('a start order that does not wait for Consul, or for an upstream', () => {
      const broken = copy();
      broken.services.catalog.depends_on = {};
      const { consul: _consul, ...rest } = broken.services.gateway.depends_on as Record<
        string,
        object
      >;
      broken.services.gateway.depends_on = { ...rest, catalog: { condition: 'service_started' } };
      const problems = checkCompose(broken, ctx);
      expect(problems).toContain(
        'compose service catalog: must depend on consul (service_healthy): it registers and resolves there',
      );
      expect(problems).toContain(
        'compose service gateway: must depend on catalog (service_healthy): gateway calls catalog',
      );
    });

    it('a stop grace shorter than the drain', () => {
      const broken = copy();
      broken.services.catalog = { ...broken.services.catalog, stop_grace_period: '10s' };
      expect(checkCompose(broken, ctx).join('\n')).toMatch(
        /catalog: stop_grace_period 10000 ms is shorter than its drain/,
      );
    });

    it('an app built that the workspace does not deploy, and a file the schema refuses', () => {
      const broken = copy();
      broken.services.pricing = {
        ...broken.services.catalog,
        build: { dockerfile: 'infra/Dockerfile', args: { APP: 'pricing' } },
      };
      expect(checkCompose(broken, ctx)).toContain(
        'compose service pricing: APP=pricing is not a deployable app of the workspace',
      );
      const invalid = copy() as unknown as { services: Record<string, Record<string, unknown>> };
      invalid.services.catalog.depends_on = { consul: { condition: 'service_ready' } };
      invalid.services.catalog.helthcheck = {};
      const problems = composeSchemaProblems(invalid);
      expect(problems.join('\n')).toMatch(/services\/catalog\/depends_on\/consul\/condition/);
      expect(problems.join('\n')).toMatch(/helthcheck/);
    });
  });

  it('interpolates as compose does', () => {
    const env = { SET: 'x', EMPTY: '' };
    expect(interpolate('${SET:-d} ${EMPTY:-d} ${EMPTY-d} ${UNSET-d} $$HOME $SET', env)).toBe(
      'x d  d $HOME x',
    );
    expect(() => interpolate('${UNSET:?needed}', env)).toThrow('UNSET: needed');
    expect(() => interpolate('${EMPTY:?needed}', env)).toThrow('EMPTY: needed');
    expect(interpolate('${EMPTY?needed}', env)).toBe('');
  });
});
