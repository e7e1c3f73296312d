import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { CheckDefinition } from '../model';
import { goDialError, probeDeadline, probeTimeoutMs, type ProbeResult } from './probe';

const MAX_REDIRECTS = 10;

/** How Go names the method in a url.Error ("Get", "Post"). */
const goOp = (method: string) => method[0] + method.slice(1).toLowerCase();

/**
 * Consul's HTTP check: 2xx passing, 429 warning, anything else or a
 * transport error critical. Keep-alives off, default headers, redirects
 * followed unless disabled; the output keeps the *last* `maxOutput` bytes
 * of the body, as Consul's circular buffer does.
 */
export async function probeHttp(
  check: CheckDefinition,
  maxOutput: number,
  signal: AbortSignal,
): Promise<ProbeResult> {
  const method = check.Method || 'GET';
  const timeoutMs = probeTimeoutMs(check);
  const deadline = probeDeadline(signal, timeoutMs);
  let url = check.HTTP;
  try {
    for (let hop = 0; ; hop++) {
      const res = await send(url, method, check, deadline.signal);
      const location = res.headers.location;
      const redirect = [301, 302, 303, 307, 308].includes(res.statusCode ?? 0) && location;
      if (redirect && !check.DisableRedirects) {
        res.resume();
        if (hop >= MAX_REDIRECTS) throw new Error('stopped after 10 redirects');
        url = new URL(location, url).toString();
        continue;
      }
      const body = await readTail(res, maxOutput);
      const code = res.statusCode ?? 0;
      const status = code >= 200 && code < 300 ? 'passing' : code === 429 ? 'warning' : 'critical';
      const output = `HTTP ${method} ${check.HTTP}: ${code} ${res.statusMessage ?? ''} Output: ${body}`;
      return { status, output };
    }
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    const reason = deadline.timedOut()
      ? 'context deadline exceeded (Client.Timeout exceeded while awaiting headers)'
      : err.syscall === 'connect'
        ? goDialError(hostPortOf(url), err)
        : err.message;
    return { status: 'critical', output: `${goOp(method)} ${JSON.stringify(url)}: ${reason}` };
  } finally {
    deadline.done();
  }
}

function send(
  url: string,
  method: string,
  check: CheckDefinition,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const target = new URL(url);
  const headers: Record<string, string[]> = { Connection: ['close'] };
  for (const [name, values] of Object.entries(check.Header)) headers[name] = [...values];
  const has = (name: string) => Object.keys(headers).some((h) => h.toLowerCase() === name);
  if (!has('user-agent')) headers['User-Agent'] = ['Consul Health Check'];
  if (!has('accept')) headers.Accept = ['text/plain, text/*, */*'];
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(target, {
      method,
      headers,
      agent: false,
      signal,
      rejectUnauthorized: !check.TLSSkipVerify,
      servername: check.TLSServerName || undefined,
    });
    req.on('response', resolve);
    req.on('error', reject);
    req.end(check.Body || undefined);
  });
}

async function readTail(res: IncomingMessage, max: number): Promise<string> {
  let tail = Buffer.alloc(0);
  for await (const chunk of res) {
    tail = Buffer.concat([tail, chunk as Buffer]);
    if (tail.length > max) tail = tail.subarray(tail.length - max);
  }
  return tail.toString('utf8');
}

function hostPortOf(url: string): string {
  const target = new URL(url);
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  return `${target.hostname}:${port}`;
}
