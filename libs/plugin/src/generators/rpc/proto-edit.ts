/** How callers may treat an RPC (the proto's idempotency_level). */
export const IDEMPOTENCY_LEVELS = {
  'no-side-effects': 'NO_SIDE_EFFECTS',
  idempotent: 'IDEMPOTENT',
  unknown: undefined,
} as const;
export type Idempotency = keyof typeof IDEMPOTENCY_LEVELS;

/** The names an RPC adds to its proto: itself and its two messages. */
export const declaredNames = (rpc: string) => [rpc, `${rpc}Request`, `${rpc}Response`];

/** True when the proto already declares `name` as an rpc or a message. */
export const protoDeclares = (proto: string, name: string): boolean =>
  new RegExp(`^\\s*(rpc|message)\\s+${name}\\b`, 'm').test(proto);

/**
 * The proto with `rpc` added at the end of `service` (and its empty request
 * and response messages at the end of the file), in buf's format.
 */
export function addRpc(
  proto: string,
  service: string,
  rpc: string,
  idempotency: Idempotency,
): string {
  const lines = proto.split('\n');
  const start = lines.findIndex((line) => new RegExp(`^service\\s+${service}\\s*\\{`).test(line));
  if (start < 0) throw new Error(`the proto declares no service ${service}`);
  const end = lines.findIndex((line, index) => index > start && line === '}');
  if (end < 0) throw new Error(`service ${service} has no closing brace at the start of a line`);
  const level = IDEMPOTENCY_LEVELS[idempotency];
  const signature = `rpc ${rpc}(${rpc}Request) returns (${rpc}Response)`;
  const declaration = level
    ? [`  ${signature} {`, `    option idempotency_level = ${level};`, '  }']
    : [`  ${signature};`];
  lines.splice(end, 0, `  // Answers UNIMPLEMENTED until its handler is written.`, ...declaration);
  const body = lines.join('\n').trimEnd();
  return `${body}\n\nmessage ${rpc}Request {}\n\nmessage ${rpc}Response {}\n`;
}
