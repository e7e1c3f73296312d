// The benchmark's yardstick: the least code that serves GET /api/v1/products/:id
// from the same three services — plain node:http, @grpc/grpc-js clients, the
// same three calls in parallel, the same JSON shape. No validation beyond the
// id, no tracing, no framework.
import grpc from '@grpc/grpc-js';
import http from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { catalogV1, inventoryV1, reviewsV1 } = require('@junction/contracts');

const [port, catalogAddr, inventoryAddr, reviewsAddr] = process.argv.slice(2);
const toBuffer = (writer) => {
  const bytes = writer.finish();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
};
const unary = (address, path, Req, Res) => {
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  return (request) =>
    new Promise((resolve, reject) =>
      client.makeUnaryRequest(
        path,
        (m) => toBuffer(Req.encode(m)),
        (b) => Res.decode(b),
        request,
        new grpc.Metadata(),
        { deadline: Date.now() + 2000 },
        (err, res) => (err ? reject(err) : resolve(res)),
      ),
    );
};
const getProduct = unary(
  catalogAddr,
  '/catalog.v1.CatalogService/GetProduct',
  catalogV1.GetProductRequest,
  catalogV1.GetProductResponse,
);
const getStock = unary(
  inventoryAddr,
  '/inventory.v1.InventoryService/GetStock',
  inventoryV1.GetStockRequest,
  inventoryV1.GetStockResponse,
);
const getSummary = unary(
  reviewsAddr,
  '/reviews.v1.ReviewsService/GetSummary',
  reviewsV1.GetSummaryRequest,
  reviewsV1.GetSummaryResponse,
);

http
  .createServer(async (req, res) => {
    const match = /^\/api\/v1\/products\/(\d+)$/.exec(req.url);
    if (!match) return res.writeHead(404).end();
    const id = match[1];
    try {
      const [{ product }, stock, reviews] = await Promise.all([
        getProduct({ id }),
        getStock({ productIds: [id] }),
        getSummary({ productId: id }),
      ]);
      const body = JSON.stringify({
        ...product,
        stock: { available: stock.levels[0].available },
        rating: { average: reviews.averageRating, count: reviews.count },
        topReviews: reviews.topReviews,
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
