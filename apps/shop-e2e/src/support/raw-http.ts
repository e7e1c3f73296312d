import { connect } from 'node:net';
import { E2E_PORTS } from './e2e-ports';

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Sends a request head and only the first part of a body the head declares
 * larger, then reads the answer. For limits a server must enforce from the
 * headers alone: a client that streamed the whole body could die on the
 * closed connection before it read the answer.
 */
export function sendPartialBody(
  path: string,
  headers: Record<string, string>,
  declaredBytes: number,
  sentBytes: number,
) {
  return new Promise<RawResponse>((resolve, reject) => {
    const socket = connect(E2E_PORTS.gateway, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, ...rest] = received.split('\r\n\r\n');
      const [statusLine, ...headerLines] = head.split('\r\n');
      const parsed = Object.fromEntries(
        headerLines.map((line) => {
          const at = line.indexOf(':');
          return [line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()];
        }),
      );
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers: parsed,
        body: rest.join('\r\n\r\n'),
      });
    });
    const head = Object.entries({
      ...headers,
      host: 'localhost',
      'content-length': String(declaredBytes),
      connection: 'close',
    })
      .map(([name, value]) => `${name}: ${value}`)
      .join('\r\n');
    socket.write(`POST ${path} HTTP/1.1\r\n${head}\r\n\r\n`);
    socket.write('a'.repeat(sentBytes));
  });
}
