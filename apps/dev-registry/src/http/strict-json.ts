import { parseGoDuration } from './go-duration';

/** Field types the registry's request bodies use, named as Go prints them in errors. */
export type FieldType =
  | 'string'
  | 'int'
  | 'uint64'
  | 'bool'
  | 'duration'
  | 'strings'
  | 'stringMap'
  | 'headerMap'
  | 'any'
  | { readonly object: Schema }
  | { readonly array: Schema }
  | { readonly map: Schema };

/** A Go struct as encoding/json sees it. */
export interface Schema {
  /** Go type name, for error texts (`ServiceDefinition`). */
  readonly name: string;
  readonly fields: Readonly<Record<string, FieldType>>;
  /** Extra accepted spellings (Go's snake_case aliases), lower-cased → canonical. */
  readonly aliases?: Readonly<Record<string, string>>;
}

export type Decoded = { [field: string]: unknown };

/** A body that encoding/json would refuse; the message is Go's. */
export class DecodeError extends Error {}

const GO_TYPE: Record<string, string> = {
  string: 'string',
  int: 'int',
  uint64: 'uint64',
  bool: 'bool',
  duration: 'time.Duration',
  strings: '[]string',
  stringMap: 'map[string]string',
  headerMap: 'map[string][]string',
};

const jsonKind = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : typeof value === 'object'
        ? 'object'
        : typeof value === 'boolean'
          ? 'bool'
          : typeof value;

function goTypeOf(type: FieldType): string {
  if (typeof type === 'string') return GO_TYPE[type] ?? 'interface {}';
  if ('object' in type) return `structs.${type.object.name}`;
  if ('array' in type) return `[]structs.${type.array.name}`;
  return `map[string]structs.${type.map.name}`;
}

/** Parses JSON text the way Go reports problems with it. */
export function parseJsonText(text: string): unknown {
  if (text.trim() === '') throw new DecodeError('EOF');
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(/at position (\d+)/.exec(message)?.[1] ?? -1);
    if (/end of JSON input|Unterminated/i.test(message) || position >= text.trimEnd().length) {
      throw new DecodeError('unexpected EOF');
    }
    const token = /Unexpected token '?(.)'?/.exec(message)?.[1] ?? text.trim()[0];
    throw new DecodeError(`invalid character '${token}' looking for beginning of value`);
  }
}

/**
 * Decodes `value` against `schema` with Go's strictness: unknown fields are
 * errors, names match case-insensitively (plus declared aliases), a JSON
 * null leaves the zero value, and durations are Go strings or nanoseconds.
 */
export function decodeStrict(value: unknown, schema: Schema): Decoded {
  if (value === null) return {};
  if (jsonKind(value) !== 'object') {
    throw new DecodeError(
      `json: cannot unmarshal ${jsonKind(value)} into Go value of type structs.${schema.name}`,
    );
  }
  const byLower = new Map(Object.keys(schema.fields).map((f) => [f.toLowerCase(), f]));
  const out: Decoded = {};
  for (const [sent, raw] of Object.entries(value as Record<string, unknown>)) {
    const lower = sent.toLowerCase();
    const field = byLower.get(lower) ?? schema.aliases?.[lower];
    if (!field) throw new DecodeError(`json: unknown field ${JSON.stringify(sent)}`);
    if (raw === null) continue;
    out[field] = decodeField(raw, schema.fields[field], `${schema.name}.${field}`);
  }
  return out;
}

function decodeField(raw: unknown, type: FieldType, path: string): unknown {
  const mismatch = () =>
    new DecodeError(
      `json: cannot unmarshal ${jsonKind(raw)} into Go struct field ${path} of type ${goTypeOf(type)}`,
    );
  if (typeof type !== 'string') {
    if ('object' in type) return decodeStrict(raw, type.object);
    if (!Array.isArray(raw) && 'array' in type) throw mismatch();
    if ('array' in type) return (raw as unknown[]).map((item) => decodeStrict(item, type.array));
    if (jsonKind(raw) !== 'object') throw mismatch();
    return Object.fromEntries(
      Object.entries(raw as object).map(([k, v]) => [k, decodeStrict(v, type.map)]),
    );
  }
  switch (type) {
    case 'any':
      return raw;
    case 'string':
      if (typeof raw !== 'string') throw mismatch();
      return raw;
    case 'bool':
      if (typeof raw !== 'boolean') throw mismatch();
      return raw;
    case 'int':
    case 'uint64':
      if (typeof raw !== 'number' || !Number.isInteger(raw) || (type === 'uint64' && raw < 0))
        throw mismatch();
      return raw;
    case 'duration':
      if (typeof raw === 'number') return raw;
      if (typeof raw !== 'string') throw mismatch();
      try {
        return parseGoDuration(raw);
      } catch (error) {
        throw new DecodeError((error as Error).message);
      }
    case 'strings':
      if (!Array.isArray(raw) || raw.some((s) => typeof s !== 'string')) throw mismatch();
      return raw;
    case 'stringMap':
      if (
        jsonKind(raw) !== 'object' ||
        Object.values(raw as object).some((v) => typeof v !== 'string')
      )
        throw mismatch();
      return raw;
    case 'headerMap':
      if (jsonKind(raw) !== 'object') throw mismatch();
      for (const v of Object.values(raw as object)) {
        if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) throw mismatch();
      }
      return raw;
  }
}
