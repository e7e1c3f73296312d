import { CONTRACTS } from '../../workspace/platform-packages';
import type { ProtoField } from './proto-fields';
import type { RouteCall, RouteRequest } from './route-request';

/** Path parameters: what a URL segment may hold. */
const PARAM_PATTERN = '^[A-Za-z0-9_.~-]{1,128}$';
const SAMPLE_PARAM = '1';

/** The route's input fields: path parameters first, then every scalar of the called requests. */
export function inputFields(route: RouteRequest): Map<string, ProtoField> {
  const fields = new Map<string, ProtoField>();
  for (const call of route.calls) {
    for (const field of call.fields) {
      const scalar = field.kind !== 'message' && field.kind !== 'other';
      const fromQuery = route.inputFrom === 'query' && field.repeated;
      if (scalar && !fromQuery && !fields.has(field.name)) fields.set(field.name, field);
    }
  }
  return fields;
}

function zodOf(field: ProtoField, route: RouteRequest, isParam: boolean): string {
  const fromText = isParam || route.inputFrom === 'query';
  const scalar = {
    string: isParam
      ? `z.string().regex(/${PARAM_PATTERN}/, 'must be 1 to 128 URL-safe characters')`
      : `z.string().max(1024, 'must be at most 1024 characters')`,
    number: fromText ? 'z.coerce.number().finite()' : 'z.number().finite()',
    boolean: fromText
      ? "z.enum(['true', 'false']).transform((value) => value === 'true')"
      : 'z.boolean()',
  }[field.kind as 'string' | 'number' | 'boolean'];
  const type = field.repeated
    ? `z.array(${scalar}).max(100, 'must hold at most 100 values')`
    : scalar;
  return isParam ? type : `${type}.optional()`;
}

export function inputFile(route: RouteRequest): string {
  const fields = [...inputFields(route).values()].map(
    (field) => `  ${field.name}: ${zodOf(field, route, route.params.includes(field.name))},`,
  );
  const source = route.inputFrom === 'query' ? 'the query string' : 'the JSON body';
  return `import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';

/** ${route.method} ${route.path}: its path parameters and ${source}; anything else is refused. */
const ${route.handlerName}Input = z.strictObject({
${fields.join('\n')}
});

export type ${route.className}Input = z.output<typeof ${route.handlerName}Input>;

/** The validated input, or a 400 problem naming every field and rule. */
export function parse${route.className}Input(value: unknown): ${route.className}Input {
  const result = ${route.handlerName}Input.safeParse(value);
  if (result.success) return result.data;
  throw new BadRequestException({
    message: 'request is invalid',
    reason: 'INVALID_REQUEST',
    errors: result.error.issues.map((issue) => \`\${issue.path.join('.') || 'request'}: \${issue.message}\`),
  });
}
`;
}

const ns = (call: RouteCall) => `${call.service.propertyName}V1`;
const clientName = (call: RouteCall) => call.service.propertyName;

function defaultOf(field: ProtoField): string {
  if (field.repeated) return '[]';
  return { string: "''", number: '0', boolean: 'false', message: 'undefined', other: 'undefined' }[
    field.kind
  ];
}

/** The request of one call: input where the route has it, the proto default elsewhere. */
function requestOf(call: RouteCall, route: RouteRequest, input: Map<string, ProtoField>): string {
  const parts = call.fields.map((field) => {
    if (!input.has(field.name)) return `${field.name}: ${defaultOf(field)}`;
    return route.params.includes(field.name)
      ? `${field.name}: input.${field.name}`
      : `${field.name}: input.${field.name} ?? ${defaultOf(field)}`;
  });
  return `{ ${parts.join(', ')} }`;
}

const uniqueServices = (calls: readonly RouteCall[]) => [
  ...new Map(calls.map((call) => [call.service.name, call])).values(),
];

export function controllerFile(route: RouteRequest): string {
  const input = inputFields(route);
  const essential = route.calls.filter((call) => !call.optional);
  const optional = route.calls.filter((call) => call.optional);
  const decorator = route.method[0] + route.method.slice(1).toLowerCase();
  const source = route.inputFrom === 'query' ? 'Query' : 'Body';
  const namespaces = [...new Set(route.calls.map(ns))].sort();
  const clients = uniqueServices(route.calls).map((call) => {
    const methods = route.calls
      .filter((c) => c.service.name === call.service.name)
      .map((c) => `'${c.rpc.methodName}'`);
    return `    @InjectUpstream('${call.service.name}')
    private readonly ${clientName(call)}: Pick<UpstreamClient<'${call.service.name}'>, ${[...new Set(methods)].join(' | ')}>,`;
  });
  const call = (c: RouteCall) =>
    `this.${clientName(c)}.${c.rpc.methodName}(${requestOf(c, route, input)})`;
  const answerType = route.calls.map(
    (c) => `  readonly ${c.section}: ${ns(c)}.${c.rpc.rpc}Response${c.optional ? ' | null' : ''};`,
  );
  const params = route.params.map(
    (param) =>
      `@ApiParam({ name: '${param}', schema: { type: 'string', pattern: '${PARAM_PATTERN}' } })`,
  );
  const sectionSchema = route.calls.map(
    (c) =>
      `${c.section}: { type: 'object', ${c.optional ? 'nullable: true, ' : ''}description: '${c.service.protoPackage}.${c.rpc.rpc}Response${c.optional ? ' (null when degraded)' : ''}' },`,
  );
  return `import { ${source}, Controller, ${decorator}, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ${params.length ? 'ApiParam, ' : ''}ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { ${namespaces.join(', ')} } from '${CONTRACTS}';
import { ${route.method === 'GET' ? 'PublicRoute' : 'RequireScopes'} } from '../../edge/auth/route-access.decorator';
import { EdgeResponses } from '../../edge/edge-responses.decorator';
import { ProblemView } from '../../edge/problem.view';
import { InjectUpstream, type UpstreamClient } from '../../upstreams/upstream.tokens';
import { DegradedAnswers } from '../shared/degraded-answers';
import { optionalSection } from '../shared/optional-section';
import { parse${route.className}Input } from './${route.name}.input';

const ROUTE = '${route.method} ${route.path}';

/** What ${route.method} ${route.path} answers: each call's response; optional ones null when degraded. */
export interface ${route.className}Answer {
${answerType.join('\n')}
  readonly degraded: string[];
}

@ApiTags('${route.tag}')
@EdgeResponses()
@Controller()
export class ${route.className}Controller {
  constructor(
${clients.join('\n')}
    private readonly degradedAnswers: DegradedAnswers,
  ) {}

  @${decorator}('${route.routePath}')
  // ${route.method === 'GET' ? 'A read open to anyone, as product reads are; @RequireScopes(…) to ask for a credential.' : "Any verified caller; name scopes (@RequireScopes('…')) to narrow it, or @PublicRoute()."}
  ${route.method === 'GET' ? '@PublicRoute()' : '@RequireScopes()'}
  ${params.join('\n  ')}
  @ApiOkResponse({
    description: 'Optional sections that could not be served are null and listed in \`degraded\`.',
    schema: {
      type: 'object',
      properties: {
        ${sectionSchema.join('\n        ')}
        degraded: { type: 'array', items: { type: 'string' } },
      },
    },
  })
  @ApiResponse({ status: 400, type: ProblemView, description: 'Invalid input' })
  async ${route.handlerName}(
    @Param() params: Record<string, string>,
    @${source}() ${route.inputFrom}: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<${route.className}Answer> {
    const input = parse${route.className}Input(${
      route.inputFrom === 'query'
        ? '{ ...(query as object), ...params }'
        : '{ ...(typeof body === "object" && body !== null && !Array.isArray(body) ? body : { body }), ...params }'
    });
    // Optional calls start first and never reject; an essential one's failure is the answer.
    const optional = Promise.allSettled([${optional.map(call).join(', ')}]);
    const [${essential.map((c) => c.section).join(', ')}] = await Promise.all([
      ${essential.map(call).join(',\n      ')},
    ]);
    const [${optional.map((c) => `${c.section}Result`).join(', ')}] = await optional;
    const degraded: string[] = [];
    const answer: ${route.className}Answer = {
      ${[
        ...essential.map((c) => c.section),
        ...optional.map(
          (c) => `${c.section}: optionalSection(${c.section}Result, '${c.service.name}', degraded)`,
        ),
      ].join(',\n      ')},
      degraded,
    };
    this.degradedAnswers.mark(reply, ROUTE, degraded);
    return answer;
  }
}
`;
}

export const moduleFile = (route: RouteRequest) => `import { Module } from '@nestjs/common';
import { DegradedAnswers } from '../shared/degraded-answers';
import { ${route.className}Controller } from './${route.name}.controller';

@Module({ controllers: [${route.className}Controller], providers: [DegradedAnswers] })
export class ${route.className}Module {}
`;

/** A URL of the route with sample parameters. */
export const sampleUrl = (route: RouteRequest, value = SAMPLE_PARAM) =>
  `/${route.routePath}`.replace(/:[a-zA-Z0-9]+/g, value);
