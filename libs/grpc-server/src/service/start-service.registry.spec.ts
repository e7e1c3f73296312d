// A declared service started against the real dev registry (a child
// process). Build it first: npx nx run dev-registry:build
import { Controller, Inject, Module } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { grpcServiceEnv } from '@junction/config';
import { catalogV1 } from '@junction/contracts';
import { StaticResolver } from '@junction/discovery';
import { connectUpstream, Http2Transport } from '@junction/grpc-client';
import { runDevRegistry, waitUntil, type RunningDevRegistry } from '@junction/testing';
import { z } from 'zod';
import type { RunningGrpcService } from '../grpc-service.runner';
import { SERVICE_CONFIG, type ServiceDeclaration } from './service-declaration';
import { startService } from './start-service';

jest.setTimeout(30_000);

const configSchema = z.object({
  ...grpcServiceEnv('PRODUCT_NAMES', 23061),
  PRODUCT_NAME: z.string().min(1).default('plain'),
});
type Config = z.output<typeof configSchema>;

/** Answers with the configured name: proves the config reached the module. */
@Controller()
class NamingController {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: Config) {}

  @GrpcMethod('CatalogService', 'GetProduct')
  getProduct({ id }: catalogV1.GetProductRequest): catalogV1.GetProductResponse {
    const name = this.config.PRODUCT_NAME;
    return { product: { id, name, description: '', priceCents: 1, currency: 'EUR' } };
  }
}

@Module({ controllers: [NamingController] })
class NamingModule {}

const declaration: ServiceDeclaration<Config> = {
  name: 'product-names',
  services: [catalogV1.CatalogServiceDefinition],
  config: configSchema,
  module: NamingModule,
};

interface Instance {
  readonly id: string;
  readonly address: string;
  readonly port: number;
  readonly metaProtoPackage: string;
  readonly metricsPort: string;
}

async function passingInstances(registry: string): Promise<Instance[]> {
  const response = await fetch(`${registry}/v1/health/service/product-names?passing`);
  const entries = (await response.json()) as {
    Service: {
      ID: string;
      Address: string;
      Port: number;
      Meta: Record<string, string>;
    };
  }[];
  return entries.map(({ Service }) => ({
    id: Service.ID,
    address: Service.Address,
    port: Service.Port,
    metaProtoPackage: Service.Meta.proto_package,
    metricsPort: Service.Meta.metrics_port,
  }));
}

const getProductName = async (address: string) => {
  const transport = new Http2Transport();
  try {
    const client = connectUpstream(catalogV1.CatalogServiceDefinition, {
      upstream: 'product-names',
      resolver: new StaticResolver({ 'product-names': [address] }),
      transport,
      defaultTimeoutMs: 5000,
    });
    return (await client.getProduct({ id: '7' })).product?.name;
  } finally {
    transport.close();
  }
};

describe('startService', () => {
  let registry: RunningDevRegistry;
  beforeAll(async () => {
    registry = await runDevRegistry({ port: 23060, env: { LOG_LEVEL: 'warn' } });
  });
  afterAll(() => registry?.stop());

  const env = (extra: Record<string, string> = {}) => ({
    CONSUL_HTTP_ADDR: registry.address,
    LOG_LEVEL: 'silent',
    DEREGISTER_GRACE_MS: '0',
    ...extra,
  });

  it('serves under its name: registered passing with its proto package and metrics port, its config injected, and deregistered on shutdown', async () => {
    const running = await startService(declaration, {
      env: env({ PRODUCT_NAME: 'configured' }),
      handleSignals: false,
    });
    try {
      const [instance] = await passingInstances(registry.address);
      expect(instance).toMatchObject({
        address: '127.0.0.1',
        port: 23061,
        metaProtoPackage: 'catalog.v1',
        metricsPort: String(running.metrics?.port),
      });
      expect(instance.id).toMatch(/^product-names-/);
      await expect(getProductName('127.0.0.1:23061')).resolves.toBe('configured');
      const metrics = await fetch(`${running.metrics?.url}`).then((r) => r.text());
      expect(metrics).toContain('rpc_server_call_duration_seconds_count');
    } finally {
      await running.shutdown('test');
    }
    await waitUntil(async () => (await passingInstances(registry.address)).length === 0, {
      timeoutMs: 5000,
      what: 'the instance to leave the registry',
    });
  });

  it('builds the module from an arrow function given the runtime', async () => {
    let seen: string | undefined;
    const running: RunningGrpcService = await startService(
      {
        ...declaration,
        module: (runtime) => {
          seen = `${runtime.name} ${runtime.config.PRODUCT_NAMES_PORT}`;
          return NamingModule;
        },
      },
      { env: env({ DISCOVERY: 'static', PRODUCT_NAMES_PORT: '23062' }), handleSignals: false },
    );
    await running.shutdown('test');
    expect(seen).toBe('product-names 23062');
  });

  it('refuses bad config with the variable named, before serving anything', async () => {
    await expect(
      startService(declaration, {
        env: env({ PRODUCT_NAMES_PORT: '70000' }),
        handleSignals: false,
      }),
    ).rejects.toThrow(/PRODUCT_NAMES_PORT/);
  });

  it('refuses a name that is not kebab-case, and a config without the name’s address', async () => {
    await expect(
      startService({ ...declaration, name: 'ProductNames' }, { env: env(), handleSignals: false }),
    ).rejects.toThrow('service name "ProductNames" must be kebab-case');
    await expect(
      startService({ ...declaration, name: 'names' }, { env: env(), handleSignals: false }),
    ).rejects.toThrow("grpcServiceEnv('NAMES', <port>)");
  });
});
