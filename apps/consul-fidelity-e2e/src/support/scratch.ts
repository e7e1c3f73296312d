import { randomBytes } from 'node:crypto';
import { type ConsulReply, del, enc, put, unique } from './consul-client';

/**
 * What a spec file creates on the agent (services, sessions, KV prefixes),
 * removed again after its tests so a shared real agent stays clean.
 */
export class Scratch {
  private readonly undo: Array<() => Promise<unknown>> = [];

  /** Registers a service; it is deregistered after the file (whatever the test did to it). */
  async register(definition: Record<string, unknown>, query = ''): Promise<ConsulReply> {
    const reply = await put(`/v1/agent/service/register${query}`, { json: definition });
    const id = (definition.ID ?? definition.Name ?? definition.name) as string | undefined;
    if (id) this.undo.push(() => put(`/v1/agent/service/deregister/${enc(id)}`));
    return reply;
  }

  /** Registers a service that must be accepted. */
  async mustRegister(definition: Record<string, unknown>, query = ''): Promise<void> {
    const reply = await this.register(definition, query);
    if (reply.status !== 200) {
      throw new Error(`register ${JSON.stringify(definition)}: ${reply.status} ${reply.text}`);
    }
  }

  /** Creates a session (destroyed after the file) and returns its ID. */
  async session(body?: Record<string, unknown>): Promise<string> {
    const reply = await put('/v1/session/create', body ? { json: body } : {});
    if (reply.status !== 200) throw new Error(`session create: ${reply.status} ${reply.text}`);
    const { ID } = reply.json<{ ID: string }>();
    this.undo.push(() => put(`/v1/session/destroy/${ID}`));
    return ID;
  }

  /** A fresh KV prefix `fidelity/<label>-<hex>/`, deleted recursively after the file. */
  kvPrefix(label: string): string {
    const prefix = `fidelity/${label}-${randomBytes(4).toString('hex')}/`;
    this.undo.push(() => del(`/v1/kv/${prefix}?recurse`));
    return prefix;
  }

  name(label: string): string {
    return unique(label);
  }

  async dispose(): Promise<void> {
    const undo = this.undo.splice(0);
    await Promise.allSettled(undo.map((step) => step()));
  }
}

/** A Scratch for this spec file, disposed in `afterAll`. */
export function scratch(): Scratch {
  const s = new Scratch();
  afterAll(() => s.dispose());
  return s;
}
