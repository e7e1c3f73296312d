import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpError } from './http-error';
import { EMPTY, json } from './reply';
import { Router } from './router';
import { decodeStrict, parseJsonText } from './strict-json';

describe('Router', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const router = new Router();
    router.handle('/v1/status/leader', ['GET'], () => json('127.0.0.1:8300'));
    router.handle('/v1/kv/', ['GET', 'PUT', 'DELETE'], ({ param }) => json({ param }));
    router.handle('/v1/agent/service/register', ['PUT'], async ({ body }) => {
      decodeStrict(parseJsonText(await body()), {
        name: 'ServiceDefinition',
        fields: { Name: 'string' },
      });
      return EMPTY;
    });
    router.handle('/v1/agent/check/pass/', ['PUT'], ({ param }) => {
      throw new HttpError(
        404,
        `Unknown check ID "${param}". Ensure that the check ID is passed, not the check name.`,
      );
    });
    router.handle('/v1/meta-error', ['GET'], () => {
      throw new HttpError(500, 'No path to datacenter', { 'X-Consul-Index': '1' });
    });
    router.handle('/v1/boom', ['GET'], () => {
      throw new Error('something broke');
    });
    server = createServer((req, res) => void router.dispatch(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers a wrong method with 405 and an Allow list', async () => {
    const res = await fetch(`${base}/v1/status/leader`, { method: 'PUT' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('OPTIONS,GET');
    expect(await res.text()).toBe('method PUT not allowed');
  });

  it('answers OPTIONS with 200, Allow and no body', async () => {
    const res = await fetch(`${base}/v1/kv/a`, { method: 'OPTIONS' });
    expect(res.status).toBe(200);
    expect(res.headers.get('allow')).toBe('OPTIONS,GET,PUT,DELETE');
    expect(await res.text()).toBe('');
  });

  it('gives a prefix route the percent-decoded rest of the path', async () => {
    expect(await (await fetch(`${base}/v1/kv/web%2Fconfig`)).json()).toEqual({
      param: 'web/config',
    });
  });

  it("answers an unknown /v1/ path with Consul's 404 text", async () => {
    const res = await fetch(`${base}/v1/nope`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('Invalid URL path: not a recognized HTTP API endpoint\n');
  });

  it('writes decode failures as 400 plain text', async () => {
    const res = await fetch(`${base}/v1/agent/service/register`, {
      method: 'PUT',
      body: '{"Name":"a","Bogus":1}',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('Request decode failed: json: unknown field "Bogus"');
  });

  it('writes HttpErrors with their status and text', async () => {
    const res = await fetch(`${base}/v1/agent/check/pass/web`, { method: 'PUT' });
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/^Unknown check ID "web"/);
  });

  it('answers any other error as 500 with its text', async () => {
    const res = await fetch(`${base}/v1/boom`);
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('something broke');
  });

  it('writes the headers an HttpError carries with its plain-text answer', async () => {
    const res = await fetch(`${base}/v1/meta-error`);
    expect(res.status).toBe(500);
    expect(res.headers.get('x-consul-index')).toBe('1');
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe('No path to datacenter');
  });

  it.each([
    ['?ns=team', 'Invalid query parameter: "ns" - Namespaces are a Consul Enterprise feature'],
    [
      '?partition=default',
      'Invalid query parameter: "partition" - Partitions are a Consul Enterprise feature',
    ],
  ])('refuses the Enterprise parameter %s with 400', async (query, text) => {
    const res = await fetch(`${base}/v1/status/leader${query}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toBe(text);
  });

  it('answers a successful write with 200, no body and no content type', async () => {
    const res = await fetch(`${base}/v1/agent/service/register`, {
      method: 'PUT',
      body: '{"name":"web"}',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBeNull();
    expect(await res.text()).toBe('');
  });
});
