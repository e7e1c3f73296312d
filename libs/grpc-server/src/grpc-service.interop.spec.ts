import { Controller, Module } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { catalogV1 } from '@junction/contracts';
import { runTestService } from './grpc-service.fixture';
import type { RunningGrpcService } from './grpc-service.runner';
import { notFound } from './status.error';
import { SERVER_TRANSPORT_KINDS } from './transport/server-transport.factory';

jest.setTimeout(30_000);

// Standard gRPC tooling against each server transport: `buf curl` speaks
// gRPC over h2c with the repository's .proto files as its schema, sharing no
// code with Junction.

const ROOT = resolve(__dirname, '../../..');
const BUF = resolve(ROOT, 'node_modules/@bufbuild/buf/bin/buf');

@Controller()
class InteropCatalogController {
  @GrpcMethod('CatalogService', 'GetProduct')
  getProduct({ id }: catalogV1.GetProductRequest): catalogV1.GetProductResponse {
    if (id === 'missing') throw notFound('product missing not found', 'PRODUCT_NOT_FOUND');
    return { product: { id, name: 'Lamp', description: 'd', priceCents: 1999, currency: 'EUR' } };
  }
}

@Module({ controllers: [InteropCatalogController] })
class InteropCatalogModule {}

interface BufAnswer {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `buf curl --protocol grpc --http2-prior-knowledge` with the repository's protos. */
const bufCurl = (url: string, data: object): Promise<BufAnswer> =>
  new Promise((done) =>
    execFile(
      process.execPath,
      [
        BUF,
        'curl',
        '--protocol',
        'grpc',
        '--http2-prior-knowledge',
        '--schema',
        ROOT,
        '-d',
        JSON.stringify(data),
        url,
      ],
      { cwd: ROOT },
      (error, stdout, stderr) =>
        done({ exitCode: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );

describe.each(SERVER_TRANSPORT_KINDS)('buf curl against the %s server transport', (kind) => {
  let service: RunningGrpcService;
  let base: string;

  beforeAll(async () => {
    const port = kind === 'http2' ? 23311 : 23312;
    service = await runTestService({
      module: InteropCatalogModule,
      port,
      serverTransport: kind,
    });
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(() => service.shutdown('test over'));

  it('calls a unary RPC', async () => {
    const answer = await bufCurl(`${base}/catalog.v1.CatalogService/GetProduct`, { id: '7' });
    expect(answer).toMatchObject({ exitCode: 0, stderr: '' });
    expect(JSON.parse(answer.stdout)).toEqual({
      // int64 is a string in protobuf's JSON.
      product: { id: '7', name: 'Lamp', description: 'd', priceCents: '1999', currency: 'EUR' },
    });
  });

  it('reads a failure as its status and message', async () => {
    const answer = await bufCurl(`${base}/catalog.v1.CatalogService/GetProduct`, { id: 'missing' });
    expect(answer.exitCode).not.toBe(0);
    expect(JSON.parse(answer.stderr)).toMatchObject({
      code: 'not_found',
      message: 'product missing not found',
    });
  });

  it('checks health', async () => {
    const answer = await bufCurl(`${base}/grpc.health.v1.Health/Check`, { service: '' });
    expect(JSON.parse(answer.stdout)).toEqual({ status: 'SERVING' });
  });
});
