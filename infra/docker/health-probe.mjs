// A container health check with nothing but Node: exits 0 when the target is
// healthy, 1 (saying why) when not. Compose's healthchecks run it; Kubernetes
// probes natively and does not need it.
//
//   node health-probe.mjs grpc://127.0.0.1:9101[/<service>]   grpc.health.v1.Health/Check is SERVING
//   node health-probe.mjs http://127.0.0.1:8080/readyz        a 2xx answer
//   node health-probe.mjs tcp://127.0.0.1:8090                the port accepts a connection
import { connect as connectHttp2 } from 'node:http2';
import { connect as connectTcp } from 'node:net';

const TIMEOUT_MS = Number(process.env.HEALTH_PROBE_TIMEOUT_MS ?? 2000);
/** grpc.health.v1.HealthCheckResponse.ServingStatus */
const SERVING = 1;

/** A gRPC message frame of HealthCheckRequest { service } (field 1, a string). */
function healthRequest(service) {
  const name = Buffer.from(service, 'utf8');
  if (name.length > 127) throw new Error('service name too long for this probe');
  const message = name.length === 0 ? Buffer.alloc(0) : Buffer.from([0x0a, name.length, ...name]);
  const frame = Buffer.alloc(5 + message.length);
  frame.writeUInt32BE(message.length, 1);
  message.copy(frame, 5);
  return frame;
}

/** HealthCheckResponse's status (field 1, a varint below 128) out of one frame. */
function servingStatus(body) {
  const message = body.subarray(5);
  if (message.length === 0) return 0;
  return message[0] === 0x08 ? message[1] : undefined;
}

function grpcHealth(url) {
  return new Promise((resolve) => {
    const session = connectHttp2(`http://${url.host}`);
    const done = (problem) => {
      session.destroy();
      resolve(problem);
    };
    session.on('error', (error) => done(error.message));
    const request = session.request({
      ':method': 'POST',
      ':path': '/grpc.health.v1.Health/Check',
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    const chunks = [];
    let grpcStatus;
    request.on('response', (headers) => (grpcStatus = headers['grpc-status'] ?? grpcStatus));
    request.on('trailers', (trailers) => (grpcStatus = trailers['grpc-status']));
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('error', (error) => done(error.message));
    request.on('end', () => {
      if (grpcStatus !== '0') return done(`grpc-status ${grpcStatus ?? '(none)'}`);
      const status = servingStatus(Buffer.concat(chunks));
      done(status === SERVING ? undefined : `health status ${status ?? '(unreadable)'}`);
    });
    request.end(healthRequest(decodeURIComponent(url.pathname.slice(1))));
  });
}

async function httpHealth(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    return response.ok ? undefined : `HTTP ${response.status}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function tcpHealth(url) {
  return new Promise((resolve) => {
    const socket = connectTcp({ host: url.hostname, port: Number(url.port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.once('error', (error) => resolve(error.message));
  });
}

const PROBES = { 'grpc:': grpcHealth, 'http:': httpHealth, 'tcp:': tcpHealth };

const target = process.argv[2];
const url = target ? URL.parse(target) : null;
const probe = url ? PROBES[url.protocol] : undefined;
if (!probe) {
  process.stderr.write(
    'usage: health-probe.mjs grpc://host:port[/service] | http://… | tcp://host:port\n',
  );
  process.exit(2);
}
const timer = setTimeout(() => {
  process.stderr.write(`${target}: no answer within ${TIMEOUT_MS} ms\n`);
  process.exit(1);
}, TIMEOUT_MS);
const problem = await probe(url);
clearTimeout(timer);
if (problem !== undefined) process.stderr.write(`${target}: ${problem}\n`);
process.exit(problem === undefined ? 0 : 1);
