// Stands in for the dev registry in the launcher's specs: answers Consul's
// leader endpoint and logs one pino line with a trace context.
import { createServer } from 'node:http';

const host = process.env.DEV_REGISTRY_HOST;
const port = Number(process.env.DEV_REGISTRY_PORT);
createServer((req, res) => {
  if (req.url === '/v1/status/leader') res.writeHead(200).end('"127.0.0.1:8300"');
  else res.writeHead(404).end();
}).listen(port, host, () => {
  const line = {
    level: 30,
    time: Date.now(),
    msg: 'registry listening',
    trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
    span_id: '00f067aa0ba902b7',
    port,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
});
