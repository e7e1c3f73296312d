import { decodeStrict, DecodeError, parseJsonText, type Schema } from './strict-json';

const check: Schema = {
  name: 'CheckType',
  fields: { CheckID: 'string', TTL: 'duration' },
  aliases: { check_id: 'CheckID' },
};
const service: Schema = {
  name: 'ServiceDefinition',
  fields: {
    Name: 'string',
    Port: 'int',
    Tags: 'strings',
    Meta: 'stringMap',
    Check: { object: check },
    Checks: { array: check },
  },
  aliases: {},
};

const failure = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DecodeError) return error.message;
    throw error;
  }
  throw new Error('expected a DecodeError');
};

describe('decodeStrict', () => {
  it('matches field names case-insensitively and keeps the canonical name', () => {
    expect(decodeStrict({ name: 'web', PORT: 80, tags: ['a'] }, service)).toEqual({
      Name: 'web',
      Port: 80,
      Tags: ['a'],
    });
  });

  it('accepts declared snake_case aliases only', () => {
    expect(decodeStrict({ check_id: 'c1' }, check)).toEqual({ CheckID: 'c1' });
    expect(failure(() => decodeStrict({ check_name: 'x' }, check))).toBe(
      'json: unknown field "check_name"',
    );
  });

  it('refuses an unknown field naming it as sent', () => {
    expect(failure(() => decodeStrict({ Name: 'web', Namespace: 'x' }, service))).toBe(
      'json: unknown field "Namespace"',
    );
  });

  it("refuses a wrong type with Go's wording", () => {
    expect(failure(() => decodeStrict({ Port: '80' }, service))).toBe(
      'json: cannot unmarshal string into Go struct field ServiceDefinition.Port of type int',
    );
  });

  it('decodes nested checks strictly too', () => {
    expect(failure(() => decodeStrict({ Checks: [{ ID: 'x' }] }, service))).toBe(
      'json: unknown field "ID"',
    );
  });

  it('reads durations as Go strings or as nanoseconds', () => {
    expect(decodeStrict({ TTL: '15s' }, check)).toEqual({ TTL: 15e9 });
    expect(decodeStrict({ TTL: 15 }, check)).toEqual({ TTL: 15 });
    expect(failure(() => decodeStrict({ TTL: '15x' }, check))).toBe(
      'time: unknown unit "x" in duration "15x"',
    );
  });

  it('leaves the zero value for a JSON null', () => {
    expect(decodeStrict({ Name: null }, service)).toEqual({});
  });
});

describe('parseJsonText', () => {
  it('says EOF for an empty body', () => {
    expect(failure(() => parseJsonText(''))).toBe('EOF');
  });

  it('says unexpected EOF for a truncated body', () => {
    expect(failure(() => parseJsonText('{"Name": "web"'))).toBe('unexpected EOF');
  });

  it('says invalid character for malformed JSON', () => {
    expect(failure(() => parseJsonText('{"Name": }'))).toMatch(/^invalid character '}'/);
  });
});
