import { connect } from 'node:net';
import type { CheckDefinition } from '../model';
import { goDialError, probeTimeoutMs, type ProbeResult } from './probe';

/** `host:port` or `[v6]:port` → connect options. */
function splitHostPort(address: string): { host: string; port: number } {
  const at = address.lastIndexOf(':');
  const host = address.slice(0, at).replace(/^\[(.*)\]$/, '$1');
  return { host, port: Number(address.slice(at + 1)) };
}

/** Consul's TCP check: a connection within the timeout is passing. */
export function probeTcp(check: CheckDefinition, signal: AbortSignal): Promise<ProbeResult> {
  const address = check.TCP;
  return new Promise((resolve) => {
    const { host, port } = splitHostPort(address);
    if (!host || !Number.isInteger(port) || port <= 0 || port > 65535) {
      resolve({ status: 'critical', output: `dial tcp ${address}: missing port in address` });
      return;
    }
    const socket = connect({ host, port });
    const finish = (result: ProbeResult) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(result);
    };
    const onAbort = () => finish({ status: 'critical', output: `dial tcp ${address}: canceled` });
    const timer = setTimeout(
      () => finish({ status: 'critical', output: `dial tcp ${address}: i/o timeout` }),
      probeTimeoutMs(check),
    );
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () =>
      finish({ status: 'passing', output: `TCP connect ${address}: Success` }),
    );
    socket.once('error', (error) =>
      finish({ status: 'critical', output: goDialError(address, error) }),
    );
  });
}
