// One node of the Moleculer baseline, the framework a TypeScript team would
// pick instead: `gateway` (moleculer-web) or one of the three services, over
// the TCP transporter with a static node list, with tracing (10 % sampled,
// as Junction's default), the circuit breaker and a request timeout on.
// It serves the fixture; none of Junction's code.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ServiceBroker, Errors } = require('moleculer');
const ApiGateway = require('moleculer-web');

const [fixtureFile, role, nodesJson, httpPort] = process.argv.slice(2);
/** { nodeID: tcpPort } for every node of the cluster. */
const nodes = JSON.parse(nodesJson);
const { products, stock, summaries } = JSON.parse(readFileSync(fixtureFile, 'utf8'));

const broker = new ServiceBroker({
  nodeID: role,
  logger: false,
  transporter: {
    type: 'TCP',
    options: {
      udpDiscovery: false,
      port: nodes[role],
      urls: Object.entries(nodes).map(([id, port]) => `127.0.0.1:${port}/${id}`),
    },
  },
  requestTimeout: 2000,
  circuitBreaker: { enabled: true },
  tracing: { enabled: true, sampling: { rate: 0.1 }, exporter: [] },
});

const notFound = (what) => new Errors.MoleculerClientError(`${what} not found`, 404, 'NOT_FOUND');
const services = {
  catalog: {
    name: 'catalog',
    actions: {
      getProduct: ({ params }) => {
        if (!products[params.id]) throw notFound(`product ${params.id}`);
        return { product: products[params.id] };
      },
    },
  },
  inventory: {
    name: 'inventory',
    actions: {
      getStock: ({ params }) => ({
        levels: params.productIds.map((productId) => ({
          productId,
          onHand: stock[productId] ?? 0,
          reserved: 0,
          available: stock[productId] ?? 0,
        })),
      }),
    },
  },
  reviews: {
    name: 'reviews',
    actions: {
      getSummary: ({ params }) => {
        if (!summaries[params.productId]) throw notFound(`product ${params.productId}`);
        return { productId: params.productId, ...summaries[params.productId] };
      },
    },
  },
  gateway: {
    name: 'api',
    mixins: [ApiGateway],
    settings: {
      ip: '127.0.0.1',
      port: Number(httpPort),
      routes: [
        {
          path: '/api/v1',
          mappingPolicy: 'restrict',
          aliases: { 'GET products/:id': 'shop.product' },
        },
      ],
    },
  },
};

if (role === 'gateway') {
  broker.createService({
    name: 'shop',
    actions: {
      product: {
        params: { id: { type: 'string', numeric: true } },
        async handler(ctx) {
          const { id } = ctx.params;
          const [{ product }, level, summary] = await Promise.all([
            ctx.call('catalog.getProduct', { id }),
            ctx.call('inventory.getStock', { productIds: [id] }),
            ctx.call('reviews.getSummary', { productId: id }),
          ]);
          return {
            ...product,
            stock: { available: level.levels[0].available },
            rating: { average: summary.averageRating, count: summary.count },
            topReviews: summary.topReviews,
            degraded: [],
          };
        },
      },
    },
  });
}
broker.createService(services[role]);
await broker.start();
if (role === 'gateway') await broker.waitForServices(['catalog', 'inventory', 'reviews']);
console.log(JSON.stringify({ msg: 'moleculer node started', role }));
process.on('SIGTERM', () => broker.stop().then(() => process.exit(0)));
