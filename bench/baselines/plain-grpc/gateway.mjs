// The hand-written baseline's gateway: the least code that serves
// GET /api/v1/products/:id from the three plain services — node:http,
// @grpc/grpc-js clients made from the .proto files, the same three calls in
// parallel, the same JSON shape. No validation beyond the id, no tracing, no
// framework, and none of Junction's code.
import grpc from '@grpc/grpc-js';
import http from 'node:http';
import { loadShopProtos } from '../proto.mjs';

const [port, catalogAddr, inventoryAddr, reviewsAddr] = process.argv.slice(2);
const shop = loadShopProtos();
const insecure = grpc.credentials.createInsecure();
const catalog = new shop.catalog.v1.CatalogService(catalogAddr, insecure);
const inventory = new shop.inventory.v1.InventoryService(inventoryAddr, insecure);
const reviews = new shop.reviews.v1.ReviewsService(reviewsAddr, insecure);
const unary = (client, method) => (request) =>
  new Promise((resolve, reject) =>
    client[method](request, { deadline: Date.now() + 2000 }, (err, res) =>
      err ? reject(err) : resolve(res),
    ),
  );
const getProduct = unary(catalog, 'GetProduct');
const getStock = unary(inventory, 'GetStock');
const getSummary = unary(reviews, 'GetSummary');

http
  .createServer(async (req, res) => {
    const match = /^\/api\/v1\/products\/(\d+)$/.exec(req.url);
    if (!match) return res.writeHead(404).end();
    const id = match[1];
    try {
      const [{ product }, stock, summary] = await Promise.all([
        getProduct({ id }),
        getStock({ productIds: [id] }),
        getSummary({ productId: id }),
      ]);
      const body = JSON.stringify({
        ...product,
        stock: { available: stock.levels[0].available },
        rating: { average: summary.averageRating, count: summary.count },
        topReviews: summary.topReviews,
        degraded: [],
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } catch (error) {
      res
        .writeHead(502, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: String(error.code) }));
    }
  })
  .listen(Number(port), '127.0.0.1', () =>
    console.log(JSON.stringify({ msg: 'baseline listening', port })),
  );
