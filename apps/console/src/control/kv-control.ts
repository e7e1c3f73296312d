import type { BreakerCommand, KvDocumentView } from '@junction/console-api';
import { faultConfigSchema, faultsKey } from '@junction/grpc-server';
import { breakerForceKey, breakerForceSchema } from '@junction/resilience';
import { RUNTIME_SCHEMAS, runtimeSchemaOf } from '@junction/runtime-schemas';
import { issueLines, parseOr400, ProblemError } from '../http/problem';
import { applyBreakerCommand } from './breaker-command';
import type { KvDocuments } from './kv-documents';

/** What a write left in KV: the key and its document (null once deleted). */
export type KvWriteResult = KvDocumentView;

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
const CAS_ATTEMPTS = 5;

/** A service, upstream or app name as it appears in a KV key: no slashes, nothing odd. */
export function checkName(name: string, what: string): string {
  if (!NAME.test(name))
    throw new ProblemError(
      400,
      `${what} must be a service name such as catalog, got ${JSON.stringify(name)}`,
    );
  return name;
}

/**
 * The console's writes, all to Consul KV so every replica of every caller
 * obeys: forced breaker states (merged with what is there, check-and-set),
 * faults and runtime config (validated with the schema their readers use,
 * so a document they would refuse is refused here and nothing is written).
 */
export class KvControl {
  constructor(private readonly kv: KvDocuments) {}

  async forceBreaker(upstream: string, command: BreakerCommand): Promise<KvWriteResult> {
    const key = breakerForceKey(checkName(upstream, 'upstream'));
    for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt += 1) {
      const current = await this.kv.read(key);
      const parsed =
        current.value === undefined ? undefined : breakerForceSchema.safeParse(current.value);
      if (parsed && !parsed.success) {
        throw new ProblemError(
          409,
          `${key} holds a document the callers refuse; fix or delete it first`,
          issueLines(parsed.error),
        );
      }
      const next = applyBreakerCommand(parsed?.data, command);
      if (next === undefined) {
        if (current.value === undefined || (await this.kv.delete(key, current.modifyIndex))) {
          return { key, value: null };
        }
        continue;
      }
      const checked = breakerForceSchema.safeParse(next);
      if (!checked.success)
        throw new ProblemError(400, 'invalid breaker command', issueLines(checked.error));
      if (await this.kv.write(key, next, current.modifyIndex)) return { key, value: next };
    }
    throw new ProblemError(409, `${key} kept changing under this write; try again`);
  }

  async writeFaults(service: string, body: unknown): Promise<KvWriteResult> {
    const key = faultsKey(checkName(service, 'service'));
    parseOr400(faultConfigSchema, body, `faults for ${service}`);
    await this.kv.write(key, body);
    return { key, value: body };
  }

  async writeConfig(app: string, body: unknown): Promise<KvWriteResult> {
    const entry = this.runtime(app);
    parseOr400(entry.schema, body, `runtime config for ${app}`);
    await this.kv.write(entry.key, body);
    return { key: entry.key, value: body };
  }

  /** The fault document as it is in KV; 404 when none is set. */
  readFaults(service: string): Promise<unknown> {
    return this.readDocument(faultsKey(checkName(service, 'service')));
  }

  /** The runtime config as it is in KV; 404 when none is set. */
  readConfig(app: string): Promise<unknown> {
    return this.readDocument(this.runtime(app).key);
  }

  private async readDocument(key: string): Promise<unknown> {
    const { value } = await this.kv.read(key);
    if (value === undefined) throw new ProblemError(404, `nothing is set at ${key}`);
    return value;
  }

  private runtime(app: string) {
    const entry = runtimeSchemaOf(checkName(app, 'app'));
    if (!entry)
      throw new ProblemError(
        404,
        `${app} reads no runtime config (known: ${Object.keys(RUNTIME_SCHEMAS).join(', ')})`,
      );
    return entry;
  }
}
