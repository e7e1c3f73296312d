// One of the hand-written baseline's services: a plain @grpc/grpc-js server
// answering from the fixture. No validation beyond a lookup, no tracing, no
// framework: the least a gRPC service can do.
import grpc from '@grpc/grpc-js';
import { readFileSync } from 'node:fs';
import { loadShopProtos } from '../proto.mjs';

const [fixtureFile, service, port] = process.argv.slice(2);
const { products, stock, summaries } = JSON.parse(readFileSync(fixtureFile, 'utf8'));
const shop = loadShopProtos();

const notFound = (what) => ({ code: grpc.status.NOT_FOUND, details: `${what} not found` });
const services = {
  catalog: [
    shop.catalog.v1.CatalogService.service,
    {
      GetProduct: ({ request }, reply) =>
        products[request.id]
          ? reply(null, { product: products[request.id] })
          : reply(notFound(`product ${request.id}`)),
    },
  ],
  inventory: [
    shop.inventory.v1.InventoryService.service,
    {
      GetStock: ({ request }, reply) =>
        reply(null, {
          levels: request.productIds.map((productId) => ({
            productId,
            onHand: stock[productId] ?? 0,
            reserved: 0,
            available: stock[productId] ?? 0,
          })),
        }),
    },
  ],
  reviews: [
    shop.reviews.v1.ReviewsService.service,
    {
      GetSummary: ({ request }, reply) =>
        summaries[request.productId]
          ? reply(null, { productId: request.productId, ...summaries[request.productId] })
          : reply(notFound(`product ${request.productId}`)),
    },
  ],
};

const server = new grpc.Server();
server.addService(...services[service]);
server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (error) => {
  if (error) throw error;
  console.log(JSON.stringify({ msg: 'plain grpc-js service listening', service, port }));
});
process.on('SIGTERM', () => server.tryShutdown(() => process.exit(0)));
