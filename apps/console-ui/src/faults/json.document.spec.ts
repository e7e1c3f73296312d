import { documentText, parseDocument } from './json.document';

describe('parseDocument', () => {
  it('accepts an object and reads an empty editor as {}', () => {
    expect(parseDocument('{ "errorRate": 0.3 }')).toEqual({ ok: true, value: { errorRate: 0.3 } });
    expect(parseDocument('  \n')).toEqual({ ok: true, value: {} });
  });

  it('says where the JSON breaks when the parser names a position', () => {
    const result = parseDocument('{\n  "latencyMs": 200\n  "errorRate": 0.3\n}');
    expect(result).toMatchObject({ ok: false, line: 3, column: 3 });
  });

  it('keeps the parser message when it names no position', () => {
    expect(parseDocument('{ "errorRate": , }')).toMatchObject({
      ok: false,
      message: expect.any(String),
    });
  });

  it('refuses documents that are not objects', () => {
    expect(parseDocument('[1, 2]')).toMatchObject({
      ok: false,
      message: expect.stringContaining('JSON object'),
    });
    expect(parseDocument('null')).toMatchObject({ ok: false });
  });
});

describe('documentText', () => {
  it('pretty-prints the stored document, {} when none', () => {
    expect(documentText(undefined)).toBe('{}');
    expect(documentText({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
