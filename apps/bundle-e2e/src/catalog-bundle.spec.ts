import {
  awaitReady,
  consulAnswers,
  FAST_DISCOVERY_ENV,
  grpcServing,
  startApp,
  startDevRegistry,
  waitUntil,
  type ManagedProcess,
  type ShopOptions,
} from '@junction/testing';
import path from 'node:path';
import { copyBundles, type BareBundles } from './support/bare-bundles';
import { CATALOG_ALONE_PORTS } from './support/bundle-ports';

const REGISTRY = `http://127.0.0.1:${CATALOG_ALONE_PORTS.registry}`;
const CATALOG_GRPC = `127.0.0.1:${CATALOG_ALONE_PORTS.catalog}`;

interface HealthEntry {
  Service: { Service: string; Port: number };
  Checks: { Status: string }[];
}

describe('the catalog bundle, run with plain node from a folder with no node_modules', () => {
  let bundles: BareBundles;
  let registry: ManagedProcess | undefined;
  let catalog: ManagedProcess | undefined;

  beforeAll(async () => {
    bundles = copyBundles(['dev-registry', 'catalog']);
    // NODE_PATH would let a bundle find the workspace's packages after all.
    const options: ShopOptions = {
      ports: CATALOG_ALONE_PORTS,
      bundlesDir: bundles.dir,
      env: { ...FAST_DISCOVERY_ENV, NODE_PATH: undefined },
    };
    registry = startDevRegistry(options);
    await awaitReady(registry, () => consulAnswers(REGISTRY), 15_000);
    catalog = startApp('catalog', options);
    await awaitReady(catalog, () => grpcServing(CATALOG_GRPC), 15_000);
  });
  afterAll(async () => {
    await catalog?.stop();
    await registry?.stop();
    bundles?.remove();
  });

  it('runs as `node catalog/main.js` in the bare folder, nothing preloaded', () => {
    expect(catalog!.spec.command).toBe(process.execPath);
    expect(catalog!.spec.args).toEqual([path.join(bundles.dir, 'catalog', 'main.js')]);
    expect(catalog!.spec.cwd).toBe(bundles.dir);
  });

  it('registers in the dev registry, which finds it passing', async () => {
    const passing = async () => {
      const res = await fetch(`${REGISTRY}/v1/health/service/catalog?passing`);
      return (await res.json()) as HealthEntry[];
    };
    await waitUntil(async () => (await passing()).length === 1, {
      timeoutMs: 10_000,
      what: 'catalog passing in the registry',
    });
    const [entry] = await passing();
    expect(entry.Service).toMatchObject({ Service: 'catalog', Port: CATALOG_ALONE_PORTS.catalog });
    expect(entry.Checks.every((check) => check.Status === 'passing')).toBe(true);
  });

  it('answers gRPC health SERVING', async () => {
    expect(await grpcServing(CATALOG_GRPC)).toBe(true);
  });
});
