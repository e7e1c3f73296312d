/** A field of a request message, as ts-proto names and types it. */
export interface ProtoField {
  /** ts-proto's camelCase property name. */
  readonly name: string;
  readonly kind: 'string' | 'number' | 'boolean' | 'message' | 'other';
  readonly repeated: boolean;
}

const NUMBER_TYPES = new Set([
  'int32',
  'int64',
  'uint32',
  'uint64',
  'sint32',
  'sint64',
  'fixed32',
  'fixed64',
  'sfixed32',
  'sfixed64',
  'double',
  'float',
]);
const FIELD = /^\s*(repeated\s+)?([A-Za-z_][\w.]*)\s+([a-z_][a-z0-9_]*)\s*=\s*\d+\s*[;[]/;

const camelCase = (snake: string) =>
  snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The message types `proto` declares at the top level. */
const messageNames = (proto: string) =>
  new Set([...proto.matchAll(/^message\s+(\w+)\s*\{/gm)].map((match) => match[1]));

/** The fields of top-level message `message`; undefined when the proto has no such message. */
export function messageFields(proto: string, message: string): ProtoField[] | undefined {
  const lines = proto.split('\n');
  const start = lines.findIndex((line) => new RegExp(`^message\\s+${message}\\s*\\{`).test(line));
  if (start < 0) return undefined;
  if (/\}\s*$/.test(lines[start])) return [];
  const messages = messageNames(proto);
  const fields: ProtoField[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('}')) break;
    const match = FIELD.exec(line);
    if (!match) continue;
    const [, repeated, type, name] = match;
    const kind =
      type === 'string'
        ? 'string'
        : type === 'bool'
          ? 'boolean'
          : NUMBER_TYPES.has(type)
            ? 'number'
            : messages.has(type)
              ? 'message'
              : 'other';
    fields.push({ name: camelCase(name), kind, repeated: Boolean(repeated) });
  }
  return fields;
}

/** True when the proto's service declares `rpc`. */
export const declaresRpc = (proto: string, rpc: string) =>
  new RegExp(`^\\s*rpc\\s+${rpc}\\s*\\(`, 'm').test(proto);
