// The generators as a developer uses them: into a copy of this (built)
// workspace, then that project's lint, format, typecheck and tests, then
// `npm start`'s launcher over the copy, and the new service called through
// the address it registered. Build the workspace first (npm test does).
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WORKSPACE_ROOT } from '@junction/testing';
import { copyWorkspace, type WorkspaceCopy } from './support/workspace-copy';

type Launcher = typeof import('@junction/launcher');
type DevPlatform = Awaited<ReturnType<Launcher['startDevPlatform']>>;

/** This suite's ports (26xxx); the new service's is left to the launcher to assign. */
const PORTS = {
  REGISTRY_PORT: '26500',
  GATEWAY_PORT: '26080',
  CONSOLE_PORT: '26090',
  CONSOLE_OTLP_PORT: '26318',
  CATALOG_PORT: '26101',
  INVENTORY_PORT: '26102',
  REVIEWS_PORT: '26103',
  ORDERS_PORT: '26104',
};

interface RegisteredInstance {
  readonly Service: { Address: string; Port: number; Meta: Record<string, string> };
}

const failureOf = (error: unknown) => {
  const {
    stdout = '',
    stderr = '',
    message,
  } = error as Error & {
    stdout?: string;
    stderr?: string;
  };
  return `${message}\n${stdout}\n${stderr}`;
};

describe('nx g @junction/plugin:service, :rpc and :route, in a copy of the workspace', () => {
  let copy: WorkspaceCopy;
  let generateMs: number;
  const exec = (command: string, ...args: string[]) => copy.exec(command, args);

  beforeAll(async () => {
    copy = copyWorkspace(WORKSPACE_ROOT, path.join(tmpdir(), `junction-plugin-e2e-${process.pid}`));
    const started = Date.now();
    await exec('npx', 'nx', 'g', '@junction/plugin:service', 'price-quotes');
    generateMs = Date.now() - started;
    await exec('npx', 'nx', 'g', '@junction/plugin:rpc', 'price-quotes', 'GetQuote');
    await exec(
      'npx',
      'nx',
      'g',
      '@junction/plugin:route',
      'GET',
      '/api/v1/price-quotes/:id',
      '--calls',
      'price-quotes.GetItem',
      '--optional',
      'reviews.GetSummary',
    );
  });
  afterAll(() => copy?.remove());

  it('generates the service in under 10 s', () => {
    expect(generateMs).toBeLessThan(10_000);
    for (const file of [
      'apps/price-quotes/src/main.ts',
      'proto/price_quotes/v1/price_quotes.proto',
    ]) {
      expect(existsSync(path.join(copy.root, file))).toBe(true);
    }
  });

  it('lists the files on --dry-run and writes none', async () => {
    const { stdout } = await exec(
      'npx',
      'nx',
      'g',
      '@junction/plugin:service',
      'fx-rates',
      '--dry-run',
    );
    expect(stdout).toContain('CREATE apps/fx-rates/src/main.ts');
    expect(stdout).toContain('UPDATE libs/contracts/src/index.ts');
    expect(existsSync(path.join(copy.root, 'apps/fx-rates'))).toBe(false);
  });

  it('refuses a bad name and an existing project with a clear message, writing nothing', async () => {
    for (const [name, problem] of [
      ['FxRates', '"FxRates" is not kebab-case'],
      ['price-quotes', 'a project named "price-quotes" already exists'],
    ]) {
      const failure = await exec('npx', 'nx', 'g', '@junction/plugin:service', name).then(
        () => 'exited 0',
        failureOf,
      );
      expect(failure).toContain(problem);
    }
    expect(existsSync(path.join(copy.root, 'apps/FxRates'))).toBe(false);
  });

  it('passes lint, format, proto lint, typecheck and its own tests as generated', async () => {
    writeFileSync(
      path.join(copy.root, 'tsconfig.generated.json'),
      JSON.stringify({
        extends: './tsconfig.spec.json',
        include: ['apps/price-quotes/src/**/*.ts'],
      }),
    );
    const steps: string[][] = [
      [
        'npx',
        'nx',
        'run-many',
        '-t',
        'build',
        '-p',
        'price-quotes,gateway',
        '--output-style=static',
      ],
      ['npx', 'tsc', '-p', 'tsconfig.generated.json'],
      ['npx', 'eslint', 'apps/price-quotes', 'apps/gateway', 'apps/shop-e2e', '--max-warnings=0'],
      [
        'npx',
        'prettier',
        '--check',
        'apps/price-quotes',
        'apps/gateway',
        'apps/shop-e2e',
        'libs/contracts/src/index.ts',
      ],
      ['npx', 'buf', 'lint'],
      ['npx', 'buf', 'format', '--diff', '--exit-code'],
      ['node', 'tools/scripts/sync-workspace-deps.mjs', '--check'],
    ];
    for (const [command, ...args] of steps) {
      await expect(copy.exec(command, args).then(() => 'ok', failureOf)).resolves.toBe('ok');
    }
    const { stderr } = await exec('npx', 'jest', '-c', 'apps/price-quotes/jest.config.cjs', '--ci');
    expect(stderr).toMatch(/Tests:\s+7 passed, 7 total/);
    const route = await exec(
      'npx',
      'jest',
      '-c',
      'apps/gateway/jest.config.cjs',
      '--ci',
      'apps/gateway/src/routes/get-price-quotes-by-id',
    );
    expect(route.stderr).toMatch(/Tests:\s+5 passed, 5 total/);
    // Seven workspace tools then two Jest runs, one after another: longer
    // than the global 60 s on two cores shared with the other suites.
  }, 240_000);

  describe('started by the launcher npm start uses', () => {
    let platform: DevPlatform;
    beforeAll(async () => {
      const launcher = createRequire(__filename)(
        path.join(copy.root, 'libs/launcher/dist/index.js'),
      ) as Launcher;
      platform = await launcher.startDevPlatform({
        workspaceRoot: copy.root,
        env: { ...process.env, ...PORTS, LOG_LEVEL: 'warn' },
      });
    }, 90_000);
    afterAll(() => platform?.stop());

    it('is registered and passing in the registry, with a port assigned beside the others', async () => {
      expect(platform.apps.map((app) => app.name)).toContain('price-quotes');
      const port = platform.ports.apps['price-quotes'];
      expect(Object.values(PORTS).map(Number)).not.toContain(port);
      const response = await fetch(
        `${platform.consulAddress}/v1/health/service/price-quotes?passing`,
      );
      const [instance] = (await response.json()) as RegisteredInstance[];
      expect(instance.Service).toMatchObject({
        Address: '127.0.0.1',
        Port: port,
        Meta: { proto_package: 'price_quotes.v1' },
      });
    });

    it('answers its sample RPC with buf curl at the address it registered, and UNIMPLEMENTED for the added one', async () => {
      const response = await fetch(
        `${platform.consulAddress}/v1/health/service/price-quotes?passing`,
      );
      const [{ Service }] = (await response.json()) as RegisteredInstance[];
      const url = `http://${Service.Address}:${Service.Port}/price_quotes.v1.PriceQuotesService`;
      const curl = (rpc: string, body: string) =>
        exec(
          'npx',
          'buf',
          'curl',
          '--protocol',
          'grpc',
          '--http2-prior-knowledge',
          '--schema',
          'proto',
          '-d',
          body,
          `${url}/${rpc}`,
        );
      const { stdout } = await curl('GetItem', '{"id":"1"}');
      expect(JSON.parse(stdout)).toEqual({ item: { id: '1', name: 'first item' } });
      const unimplemented = await curl('GetQuote', '{}').then(() => 'exited 0', failureOf);
      expect(unimplemented).toContain('"code": "unimplemented"');
    });

    it('answers the generated gateway route from the new service, with a trace id', async () => {
      const response = await fetch(`${platform.gatewayUrl}/api/v1/price-quotes/1?productId=1`);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-trace-id')).toMatch(/^[0-9a-f]{32}$/);
      expect(await response.json()).toMatchObject({
        getItem: { item: { id: '1', name: 'first item' } },
        degraded: [],
      });
      const malformed = await fetch(`${platform.gatewayUrl}/api/v1/price-quotes/not%20valid`);
      expect(malformed.status).toBe(400);
      expect(malformed.headers.get('content-type')).toContain('application/problem+json');
    });

    it('documents the route in the OpenAPI document', async () => {
      const openapi = (await (await fetch(`${platform.gatewayUrl}/docs/json`)).json()) as {
        paths: Record<string, unknown>;
      };
      expect(Object.keys(openapi.paths)).toContain('/api/v1/price-quotes/{id}');
    });
  });
});
