// Two catalog instances taking their faults from the real dev registry's KV
// (a child process). Build it first: npx nx run dev-registry:build
import { Controller, Module } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { Client, credentials, status, type ServiceError } from '@grpc/grpc-js';
import { catalogV1 } from '@junction/contracts';
import { serviceRegistration, type RegistrationSettings } from '@junction/discovery';
import { PUSHBACK_KEY } from '@junction/grpc-client';
import { createLogger } from '@junction/telemetry';
import { grpcServing, runDevRegistry, waitUntil, type RunningDevRegistry } from '@junction/testing';
import { runGrpcService, type RunningGrpcService } from '../grpc-service.runner';
import { faultsKey } from './fault-config.schema';
import { INJECTED_FAULT } from './fault-decision';
import { faultSource } from './fault-source';

jest.setTimeout(30_000);

@Controller()
class TestCatalogController {
  @GrpcMethod('CatalogService', 'GetProduct')
  getProduct({ id }: catalogV1.GetProductRequest): catalogV1.GetProductResponse {
    return { product: { id, name: 'n', description: 'd', priceCents: 1, currency: 'EUR' } };
  }

  @GrpcMethod('CatalogService', 'ListProducts')
  listProducts(): catalogV1.ListProductsResponse {
    return { products: [], nextPageToken: '' };
  }
}

@Module({ controllers: [TestCatalogController] })
class TestCatalogModule {}

type Method = 'getProduct' | 'listProducts';
const REQUESTS = {
  getProduct: { id: '1' } satisfies catalogV1.GetProductRequest,
  listProducts: { pageSize: 0, pageToken: '' } satisfies catalogV1.ListProductsRequest,
};
interface Outcome {
  readonly code: number;
  readonly reason?: string;
  readonly pushbackMs?: string;
  readonly elapsedMs: number;
}

interface Instance {
  readonly address: string;
  readonly id: string;
  readonly service: RunningGrpcService;
  readonly client: Client;
  /** What this instance logged, one JSON line each. */
  readonly logs: string[];
}

/** One call to one instance with a plain grpc-js client (no retries, no balancer). */
function call(instance: Instance, method: Method, deadlineMs = 5000): Promise<Outcome> {
  const definition = catalogV1.CatalogServiceDefinition.methods[method];
  const started = Date.now();
  return new Promise((resolve) =>
    instance.client.makeUnaryRequest(
      `/catalog.v1.CatalogService/${definition.name}`,
      (request: never) => Buffer.from(definition.requestType.encode(request).finish()),
      (bytes: Buffer) => definition.responseType.decode(bytes),
      REQUESTS[method] as never,
      { deadline: Date.now() + deadlineMs },
      (error: ServiceError | null) =>
        resolve({
          code: error?.code ?? status.OK,
          reason: error?.metadata.get('junction-error-reason')[0]?.toString(),
          pushbackMs: error?.metadata.get(PUSHBACK_KEY)[0]?.toString(),
          elapsedMs: Date.now() - started,
        }),
    ),
  );
}

const codes = async (instance: Instance, method: Method, times: number): Promise<number[]> => {
  const outcomes = await Promise.all(Array.from({ length: times }, () => call(instance, method)));
  return outcomes.map((o) => o.code);
};

/** How many messages this instance logged that match. */
const logged = (instance: Instance, pattern: RegExp): number =>
  instance.logs.filter((line) => pattern.test((JSON.parse(line) as { msg: string }).msg)).length;

describe('fault injection from Consul KV (real dev registry)', () => {
  let registry: RunningDevRegistry;
  let a: Instance;
  let b: Instance;

  const setFaults = async (value: string) => {
    const res = await fetch(`${registry.address}/v1/kv/${faultsKey('catalog')}`, {
      method: 'PUT',
      body: value,
    });
    expect(res.ok).toBe(true);
  };

  async function startInstance(port: number): Promise<Instance> {
    const settings: RegistrationSettings = {
      DISCOVERY: 'consul',
      CONSUL_HTTP_ADDR: registry.address,
      DISCOVERY_WAIT_MS: 5000,
      CHECK_INTERVAL: '1s',
      CHECK_TIMEOUT: '1s',
      DEREGISTER_CRITICAL_AFTER: '1m',
      REGISTRATION_KEEPALIVE_MS: 3000,
    };
    const logs: string[] = [];
    const logger = createLogger({
      name: 'catalog',
      level: 'info',
      destination: { write: (line: string) => void logs.push(line) },
    });
    const registration = serviceRegistration(settings, {
      name: 'catalog',
      listenHost: '127.0.0.1',
      port,
      meta: {},
    })!;
    const service = await runGrpcService({
      module: TestCatalogModule,
      services: [catalogV1.CatalogServiceDefinition],
      host: '127.0.0.1',
      port,
      logger,
      drainTimeoutMs: 2000,
      handleSignals: false,
      registration: () => registration,
      deregisterGraceMs: 0,
      faults: faultSource({ service: 'catalog', settings, logger }),
    });
    const address = `127.0.0.1:${port}`;
    const client = new Client(address, credentials.createInsecure());
    return { address, id: registration.id, service, client, logs };
  }

  beforeAll(async () => {
    registry = await runDevRegistry({ port: 23050, env: { LOG_LEVEL: 'warn' } });
    [a, b] = await Promise.all([startInstance(23010), startInstance(23011)]);
  });
  afterAll(async () => {
    for (const instance of [a, b].filter(Boolean)) {
      instance.client.close();
      await instance.service.shutdown('test over');
    }
    await registry?.stop();
  });

  it('answers normally while the key does not exist', async () => {
    expect(await codes(a, 'getProduct', 3)).toEqual([status.OK, status.OK, status.OK]);
    expect(await codes(b, 'listProducts', 3)).toEqual([status.OK, status.OK, status.OK]);
  });

  it('fails every call at errorRate 1 with the code, reason and pushback; health stays SERVING', async () => {
    await setFaults('{"errorRate": 1, "errorCode": "RESOURCE_EXHAUSTED", "pushbackMs": 250}');
    await waitUntil(
      async () =>
        (await call(a, 'getProduct')).code !== status.OK &&
        (await call(b, 'getProduct')).code !== status.OK,
      { what: 'both instances to apply the faults' },
    );
    const outcomes = await Promise.all(
      [a, b].flatMap((i) => Array.from({ length: 10 }, () => call(i, 'listProducts'))),
    );
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({
        code: status.RESOURCE_EXHAUSTED,
        reason: INJECTED_FAULT,
        pushbackMs: '250',
      });
    }
    expect(await grpcServing(a.address)).toBe(true);
    expect(await grpcServing(b.address)).toBe(true);
    // Logged once when applied, not per failed call.
    expect(logged(a, /faults for catalog: \{.*"errorRate":1/)).toBe(1);
  });

  it('keeps the last good faults when the value is invalid', async () => {
    await setFaults('{"errorRate": 2}');
    await waitUntil(() => logged(a, /refused: errorRate.*keeping the last good/), {
      what: 'the invalid value to be refused',
    });
    expect((await call(a, 'getProduct')).code).toBe(status.RESOURCE_EXHAUSTED);
  });

  it('delays calls by the configured latency', async () => {
    await setFaults('{"latencyMs": 300}');
    const delayed = await waitUntil(
      async () => {
        const outcome = await call(a, 'getProduct');
        return outcome.code === status.OK ? outcome : undefined;
      },
      { what: 'the latency to replace the errors' },
    );
    expect(delayed.elapsedMs).toBeGreaterThanOrEqual(300);
    // A caller that cannot wait that long gives up at its own deadline.
    expect((await call(a, 'getProduct', 100)).code).toBe(status.DEADLINE_EXCEEDED);
  });

  it('faults only the listed methods', async () => {
    await setFaults('{"errorRate": 1, "methods": ["ListProducts"]}');
    await waitUntil(async () => (await call(a, 'listProducts')).code === status.UNAVAILABLE, {
      what: 'ListProducts to fail',
    });
    expect(await codes(a, 'getProduct', 5)).toEqual(Array(5).fill(status.OK));
  });

  it('faults only the listed instance', async () => {
    await setFaults(JSON.stringify({ errorRate: 1, instances: [a.id] }));
    await waitUntil(
      async () =>
        (await call(a, 'getProduct')).code === status.UNAVAILABLE &&
        (await call(b, 'listProducts')).code === status.OK,
      { what: 'only instance a to fail' },
    );
    expect(await codes(a, 'getProduct', 10)).toEqual(Array(10).fill(status.UNAVAILABLE));
    expect(await codes(b, 'getProduct', 10)).toEqual(Array(10).fill(status.OK));
  });

  it('answers normally again once the key is deleted', async () => {
    const res = await fetch(`${registry.address}/v1/kv/${faultsKey('catalog')}`, {
      method: 'DELETE',
    });
    expect(res.ok).toBe(true);
    await waitUntil(async () => (await call(a, 'getProduct')).code === status.OK, {
      what: 'instance a to recover',
    });
    expect(await codes(a, 'listProducts', 5)).toEqual(Array(5).fill(status.OK));
    expect(logged(a, /faults for catalog: off/)).toBe(1);
  });
});
