import { isIP } from 'node:net';
import { badRequest } from '../http/http-error';
import { decodeStrict, parseJsonText, type Decoded, type Schema } from '../http/strict-json';
import type { CheckDefinition, ServiceAddress, ServiceRecord } from './model';
import { validateCheckType } from './check-type';
import { validateServiceMeta } from './meta-validation';
import { SERVICE_DEFINITION_SCHEMA } from './service-definition.schema';

/** A validated registration: the service and its checks, `Check` first. */
export interface Registration {
  readonly service: Omit<ServiceRecord, 'createIndex' | 'modifyIndex'>;
  readonly checks: readonly CheckDefinition[];
}

/** The body as Go's strict decoder reads it (parseJsonText + decodeStrict). */
export function decodeBody(text: string, schema: Schema): Decoded {
  return decodeStrict(parseJsonText(text), schema);
}

const ANY_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);
const SCRIPTS_DISABLED =
  "Scripts are disabled on this agent from remote calls; to enable, configure 'enable_script_checks' to true";

/**
 * PUT /v1/agent/service/register's checks, in Consul's order
 * (AgentRegisterService): name, any-address, weights, meta, checks, status.
 */
export function parseRegistration(body: string): Registration {
  const def = decodeBody(body, SERVICE_DEFINITION_SCHEMA);
  const name = (def.Name as string | undefined) ?? '';
  if (name === '') throw badRequest('Missing service name');
  const address = (def.Address as string | undefined) ?? '';
  if (ANY_ADDRESSES.has(address)) throw badRequest('Invalid service address');
  const weights = def.Weights as { Passing?: number; Warning?: number } | undefined;
  if (weights) validateWeights(weights);
  const meta = def.Meta as Record<string, string> | undefined;
  if (meta) {
    const problem = validateServiceMeta(meta);
    if (problem) throw badRequest(`Invalid Service Meta: ${problem}`);
  }
  const checkTypes: Decoded[] = [];
  const single = def.Check as Decoded | undefined;
  if (single && !isEmptyCheck(single)) checkTypes.push(single);
  checkTypes.push(...((def.Checks as Decoded[] | undefined) ?? []));
  const checks = checkTypes.map((raw) => {
    const problem = validateCheckType(raw);
    if (typeof problem === 'string') throw badRequest(`Invalid check: ${problem}`);
    return problem;
  });
  for (const check of checks) {
    if (check.Status !== '' && !['passing', 'warning', 'critical'].includes(check.Status))
      throw badRequest("Status for checks must 'passing', 'warning', 'critical'");
  }
  // Consul refuses script checks from the HTTP API unless enabled; that
  // failure comes from deep in the agent, hence a 500.
  if (checks.some((c) => c.ScriptArgs.length > 0)) throw new Error(SCRIPTS_DISABLED);
  const port = (def.Port as number | undefined) ?? 0;
  return {
    service: {
      ID: (def.ID as string | undefined) || name,
      Service: name,
      Tags: (def.Tags as string[] | undefined) ?? [],
      Address: address,
      Port: port,
      Meta: meta ?? null,
      TaggedAddresses: withDefaultTaggedAddresses(
        (def.TaggedAddresses as Record<string, ServiceAddress> | undefined) ?? {},
        address,
        port,
      ),
      Weights: { Passing: weights?.Passing ?? 1, Warning: weights?.Warning ?? 1 },
      EnableTagOverride: (def.EnableTagOverride as boolean | undefined) ?? false,
    },
    checks,
  };
}

function validateWeights({ Passing = 0, Warning = 0 }: { Passing?: number; Warning?: number }) {
  const invalid = (text: string) => badRequest(`Invalid Weights: ${text}`);
  if (Passing < 1) throw invalid('Passing must be greater than 0');
  if (Warning < 0) throw invalid('Warning must be greater or equal than 0');
  if (Passing > 65535 || Warning > 65535) throw invalid('DNS Weight must be between 0 and 65535');
}

/** Go's CheckType.Empty(): every field at its zero value. */
function isEmptyCheck(raw: Decoded): boolean {
  return Object.values(raw).every((v) => v === '' || v === 0 || v === false);
}

/** The agent tags an IP service address as lan/wan for its family, unless given. */
function withDefaultTaggedAddresses(
  given: Record<string, ServiceAddress>,
  address: string,
  port: number,
): Record<string, ServiceAddress> {
  const family = isIP(address);
  if (family === 0) return given;
  const v4 = family === 4 || /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address);
  const suffix = v4 ? 'ipv4' : 'ipv6';
  const out = { ...given };
  for (const key of [`lan_${suffix}`, `wan_${suffix}`]) {
    out[key] ??= { Address: address, Port: port };
  }
  return out;
}
