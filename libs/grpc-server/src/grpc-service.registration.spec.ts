import { Controller, Module } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { catalogV1 } from '@junction/contracts';
import { runTestService } from './grpc-service.fixture';
import type { Registration } from './grpc-service.runner';

@Controller()
class NoopController {
  @GrpcMethod('CatalogService', 'GetProduct')
  getProduct(): catalogV1.GetProductResponse {
    return { product: undefined };
  }
}

@Module({ controllers: [NoopController] })
class NoopModule {}

describe('runGrpcService with a registry', () => {
  it('registers once serving, and deregisters before it stops serving', async () => {
    const events: string[] = [];
    // The registration reads the health status of the service it belongs to.
    const service: { running?: Awaited<ReturnType<typeof runTestService>> } = {};
    const registration: Registration = {
      register: async () =>
        void events.push(`register while ${service.running?.health.status ?? 'SERVING'}`),
      keepRegistered: () => void events.push('keep registered'),
      deregister: async () =>
        void events.push(`deregister while ${service.running?.health.status}`),
    };
    const running = (service.running = await runTestService({
      module: NoopModule,
      port: 22971,
      registration: () => registration,
      deregisterGraceMs: 20,
    }));
    await running.shutdown('test');
    expect(events).toEqual([
      'register while SERVING',
      'keep registered',
      'deregister while SERVING',
    ]);
    expect(running.health.status).toBe('NOT_SERVING');
  });

  it('still starts, and still stops, when the registry is down', async () => {
    const registration: Registration = {
      register: () => Promise.reject(new Error('ECONNREFUSED')),
      keepRegistered: () => undefined,
      deregister: () => Promise.reject(new Error('ECONNREFUSED')),
    };
    const running = await runTestService({
      module: NoopModule,
      port: 22972,
      registration: () => registration,
      deregisterGraceMs: 20,
    });
    expect(running.health.status).toBe('SERVING');
    await expect(running.shutdown('test')).resolves.toBeUndefined();
  });
});
