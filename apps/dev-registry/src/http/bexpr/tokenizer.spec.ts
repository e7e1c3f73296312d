import { BexprSyntaxError } from './errors';
import { tokenize, unquoteGo } from './tokenizer';

const kinds = (source: string) => tokenize(source).map((t) => t.kind);

describe('bexpr tokenizer', () => {
  it('lexes dotted selectors with numeric and quoted index segments as one word', () => {
    const [word] = tokenize('Service.Meta["a.b"].x.0[`raw`]');
    expect(word).toMatchObject({ kind: 'word', path: ['Service', 'Meta', 'a.b', 'x', '0', 'raw'] });
    expect(tokenize('Node.Meta[ "k" ]')[0]).toMatchObject({ path: ['Node', 'Meta', 'k'] });
  });

  it('lexes operators, parentheses and whitespace flags', () => {
    expect(kinds('(a==1)!=b')).toEqual(['(', 'word', '==', 'number', ')', '!=', 'word', 'eof']);
    const tokens = tokenize('a  == b');
    expect(tokens.map((t) => t.spaceBefore)).toEqual([false, true, true, false]);
    expect(tokens.map((t) => [t.start, t.end])).toEqual([
      [0, 1],
      [3, 5],
      [6, 7],
      [7, 7],
    ]);
  });

  it('lexes double-quoted strings with Go escapes and raw backtick strings', () => {
    expect(tokenize('"a\\tb\\u00e9\\x41\\101"')[0]).toMatchObject({
      kind: 'string',
      quote: '"',
      value: 'a\tbéAA',
    });
    expect(tokenize('`a\\tb"c`')[0]).toMatchObject({
      kind: 'string',
      quote: '`',
      value: 'a\\tb"c',
    });
  });

  it('lexes numbers: integers, decimals, negatives', () => {
    for (const n of ['0', '42', '-7', '3.25', '-0.5']) {
      expect(tokenize(n)[0]).toMatchObject({ kind: 'number', text: n });
    }
    expect(kinds('(1)')).toEqual(['(', 'number', ')', 'eof']);
  });

  it.each([
    ['"abc', '1:1 (0): Unterminated string literal'],
    ['a == `abc', '1:6 (5): Unterminated string literal'],
    ['a == 01', '1:6 (5): Invalid number literal'],
    ['a == 1x', '1:6 (5): Invalid number literal'],
    ['a == 1.', '1:6 (5): Invalid number literal'],
    ['a[b]', '1:2 (1): Invalid index'],
    ['a["b"', '1:2 (1): Unclosed index expression'],
    ['a == "x\\q"', '1:6 (5): invalid syntax'],
    ['a ==\n  $', '2:3 (7): no match found, expected: a selector, a value or "(", got "$"'],
  ])('reports %j with its position', (source, message) => {
    expect(() => tokenize(source)).toThrow(BexprSyntaxError);
    expect(() => tokenize(source)).toThrow(message);
  });

  it('unquotes like strconv.Unquote', () => {
    expect(unquoteGo('\\a\\b\\f\\n\\r\\t\\v\\\\')).toBe('\x07\b\f\n\r\t\v\\');
    expect(unquoteGo('\\U0001F600')).toBe('😀');
    expect(() => unquoteGo('a\nb')).toThrow('invalid syntax');
    expect(() => unquoteGo('\\')).toThrow('invalid syntax');
    expect(() => unquoteGo("\\'")).toThrow('invalid syntax');
  });
});
