import Consul from 'consul';

/**
 * A `consul` client for CONSUL_HTTP_ADDR, read as Consul's CLI reads it:
 * `host:port`, `http://host:port` or `https://host:port`.
 */
export function consulClient(httpAddr: string): Consul {
  const url = new URL(/^[a-z]+:\/\//i.test(httpAddr) ? httpAddr : `http://${httpAddr}`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`CONSUL_HTTP_ADDR must be http(s), got ${httpAddr}`);
  }
  const secure = url.protocol === 'https:';
  return new Consul({ host: url.hostname, port: Number(url.port || (secure ? 443 : 80)), secure });
}
