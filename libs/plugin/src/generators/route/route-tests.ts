import { sampleUrl } from './route-files';
import type { RouteRequest } from './route-request';

const fake = (section: string) => `{ answeredBy: '${section}' }`;

/** The unit spec: the controller over fake clients (each call's answer tagged with its section). */
export function controllerSpecFile(route: RouteRequest): string {
  const services = [...new Map(route.calls.map((c) => [c.service.name, c])).values()];
  const fakes = services.map((service) => {
    const methods = route.calls
      .filter((c) => c.service.name === service.service.name)
      .map((c) => `${c.rpc.methodName}: jest.fn(async () => (${fake(c.section)}))`);
    return `  ${service.service.propertyName}: { ${methods.join(', ')} },`;
  });
  const args = services.map((s) => `clients.${s.service.propertyName} as never`).join(', ');
  const input = route.params.map((p) => `${p}: 'abc'`).join(', ');
  const firstOptional = route.calls.find((c) => c.optional);
  // routeRequest refuses a route without an essential call.
  const [firstEssential] = route.calls.filter((c) => !c.optional);
  const handler = (params: string) => `controller.${route.handlerName}({ ${params} }, {}, reply)`;
  const sections = route.calls.map((c) => `      ${c.section}: ${fake(c.section)},`);
  const badParam = route.params[0];
  return `import { BadRequestException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { DegradedAnswers } from '../shared/degraded-answers';
import { ${route.className}Controller } from './${route.name}.controller';

function setUp() {
  const clients = {
${fakes.join('\n')}
  };
  const degraded = { mark: jest.fn() };
  const controller = new ${route.className}Controller(${args}, degraded as unknown as DegradedAnswers);
  return { clients, degraded, controller };
}
const reply = {} as FastifyReply;

describe('${route.method} ${route.path}', () => {
  it('answers every section from its upstream${route.params.length ? ', the path parameters in the requests' : ''}', async () => {
    const { clients, controller } = setUp();
    await expect(${handler(input)}).resolves.toEqual({
${sections.join('\n')}
      degraded: [],
    });
    expect(clients.${firstEssential.service.propertyName}.${firstEssential.rpc.methodName}).toHaveBeenCalledWith(
      expect.objectContaining({ ${input} }),
    );
  });

  it('fails with an essential call: its error is the answer', async () => {
    const { clients, controller } = setUp();
    const failure = new Error('upstream failed');
    clients.${firstEssential.service.propertyName}.${firstEssential.rpc.methodName}.mockRejectedValueOnce(failure);
    await expect(${handler(input)}).rejects.toBe(failure);
  });
${
  firstOptional
    ? `
  it('answers without a failed optional section: null, listed in degraded, and counted', async () => {
    const { clients, controller, degraded } = setUp();
    clients.${firstOptional.service.propertyName}.${firstOptional.rpc.methodName}.mockRejectedValueOnce(new Error('down'));
    const answer = await ${handler(input)};
    expect(answer.${firstOptional.section}).toBeNull();
    expect(answer.degraded).toEqual(['${firstOptional.service.name}']);
    expect(degraded.mark).toHaveBeenCalledWith(reply, '${route.method} ${route.path}', ['${firstOptional.service.name}']);
  });
`
    : ''
}${
    badParam
      ? `
  it('refuses a malformed :${badParam} with 400 before calling anything', async () => {
    const { clients, controller } = setUp();
    await expect(${handler(route.params.map((p) => `${p}: ${p === badParam ? "'not valid!'" : "'abc'"}`).join(', '))}).rejects.toBeInstanceOf(BadRequestException);
    expect(clients.${firstEssential.service.propertyName}.${firstEssential.rpc.methodName}).not.toHaveBeenCalled();
  });
`
      : ''
  }
  it('refuses a field the route does not take with 400', async () => {
    const { controller } = setUp();
    await expect(controller.${route.handlerName}({ ${input} }, { unexpected: 'x' }, reply)).rejects.toBeInstanceOf(
      BadRequestException,
    );
  });
});
`;
}

/** The e2e spec: through the running shop stack's gateway. */
export function e2eSpecFile(route: RouteRequest): string {
  const essential = route.calls
    .filter((c) => !c.optional)
    .map((c) => `${c.service.name}.${c.rpc.rpc}`);
  const body =
    route.inputFrom === 'body'
      ? `, headers: { 'content-type': 'application/json' }, body: '{}'`
      : '';
  return `import { GATEWAY } from '../support/e2e-ports';

const call = (path: string) => fetch(\`\${GATEWAY}\${path}\`, { method: '${route.method}'${body} });

describe('${route.method} ${route.path} through the gateway', () => {
  it('answers through ${essential.join(', ')} with a trace id: 200, or 501 while an RPC is a stub', async () => {
    const response = await call('${sampleUrl(route)}');
    expect(response.headers.get('x-trace-id')).toMatch(/^[0-9a-f]{32}$/);
    const answer = (await response.json()) as Record<string, unknown>;
    if (response.status === 501) {
      // The rpc generator's stub: replace this branch once the RPC is written.
      expect(answer).toMatchObject({ status: 501, reason: 'NOT_IMPLEMENTED' });
      return;
    }
    expect(response.status).toBe(200);
    expect(Object.keys(answer).sort()).toEqual(${JSON.stringify([...route.calls.map((c) => c.section), 'degraded'].sort())});
  });
${
  route.params.length
    ? `
  it('refuses a malformed path parameter with a 400 problem', async () => {
    const response = await call('${sampleUrl(route, 'not%20valid')}');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
`
    : ''
}});
`;
}
