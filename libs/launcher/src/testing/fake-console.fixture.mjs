// Stands in for the console in the launcher's specs: /healthz on
// CONSOLE_PORT, an OTLP logs receiver on CONSOLE_OTLP_PORT whose records it
// serves back on GET /received, and one call to the launcher's control API
// with the URL and token it was given.
import { createServer } from 'node:http';

const env = process.env;
const records = [];
const read = async (req) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
};

createServer(async (req, res) => {
  if (req.method === 'POST' && req.url === '/v1/logs') {
    for (const resourceLogs of JSON.parse(await read(req)).resourceLogs) {
      const service = resourceLogs.resource.attributes.find((a) => a.key === 'service.name');
      for (const scope of resourceLogs.scopeLogs) {
        for (const record of scope.logRecords) {
          records.push({ service: service.value.stringValue, ...record });
        }
      }
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  } else res.writeHead(404).end();
}).listen(Number(env.CONSOLE_OTLP_PORT), env.CONSOLE_HOST);

createServer((req, res) => {
  if (req.url === '/healthz') res.writeHead(200).end('ok');
  else if (req.url === '/received') res.writeHead(200).end(JSON.stringify(records));
  else if (req.url === '/settings') {
    const { CONSOLE_TOKEN, CONSUL_HTTP_ADDR, CONSOLE_OTLP_PORT } = env;
    res.writeHead(200).end(JSON.stringify({ CONSOLE_TOKEN, CONSUL_HTTP_ADDR, CONSOLE_OTLP_PORT }));
  } else res.writeHead(404).end();
}).listen(Number(env.CONSOLE_PORT), env.CONSOLE_HOST, async () => {
  const res = await fetch(`${env.JUNCTION_LAUNCHER_URL}/processes`, {
    headers: { authorization: `Bearer ${env.JUNCTION_LAUNCHER_TOKEN}` },
  });
  console.log(`launcher answered ${res.status} ${await res.text()}`);
});
