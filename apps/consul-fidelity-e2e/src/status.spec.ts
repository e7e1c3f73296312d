// §7 of the reference: GET /v1/status/leader.
import { call, get } from './support/consul-client';

describe('§7 GET /v1/status/leader', () => {
  test('200 application/json with the leader\'s RPC address as a JSON string "host:port"', async () => {
    const reply = await get('/v1/status/leader');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    const leader = reply.json<unknown>();
    expect(typeof leader).toBe('string');
    // A dev agent is its own leader, so never "" here.
    expect(leader).toMatch(/^\S+:\d+$/);
  });

  test('carries no X-Consul-Index, X-Consul-KnownLeader or X-Consul-LastContact', async () => {
    const reply = await get('/v1/status/leader');
    expect(reply.headers.get('x-consul-index')).toBeNull();
    expect(reply.headers.get('x-consul-knownleader')).toBeNull();
    expect(reply.headers.get('x-consul-lastcontact')).toBeNull();
  });

  test('only GET: PUT → 405 with Allow "OPTIONS,GET"', async () => {
    const reply = await call('PUT', '/v1/status/leader');
    expect(reply.status).toBe(405);
    expect(reply.headers.get('allow')).toBe('OPTIONS,GET');
    expect(reply.text).toBe('method PUT not allowed');
  });
});
