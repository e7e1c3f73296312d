import type { Expression } from './ast';
import { BexprSyntaxError } from './errors';
import { parse } from './parser';

/** A compact rendering of the AST: (and a b), (not x), [Sel op raw]. */
function show(e: Expression): string {
  switch (e.kind) {
    case 'and':
    case 'or':
      return `(${e.kind} ${show(e.left)} ${show(e.right)})`;
    case 'not':
      return `(not ${show(e.operand)})`;
    case 'match':
      return `[${e.selector.path.join('/')} ${e.operator}${e.value ? ` ${e.value.raw}` : ''}]`;
  }
}

const p = (source: string) => show(parse(source));

describe('bexpr parser', () => {
  it('parses every match operator', () => {
    expect(p('a == 1')).toBe('[a equal 1]');
    expect(p('a!="x"')).toBe('[a notEqual x]');
    expect(p('a is empty')).toBe('[a isEmpty]');
    expect(p('a is not empty')).toBe('[a isNotEmpty]');
    expect(p('"x" in a.b')).toBe('[a/b in x]');
    expect(p('"x" not in a.b')).toBe('[a/b notIn x]');
    expect(p('a.b contains "x"')).toBe('[a/b in x]');
    expect(p('a.b not contains "x"')).toBe('[a/b notIn x]');
    expect(p('a matches "^x"')).toBe('[a matches ^x]');
    expect(p('a not matches "^x"')).toBe('[a notMatches ^x]');
  });

  it('takes values as double-quoted, raw, numeric or bare words', () => {
    expect(p('a == "two words"')).toBe('[a equal two words]');
    expect(p('a == `C:\\path`')).toBe('[a equal C:\\path]');
    expect(p('a == -1.5')).toBe('[a equal -1.5]');
    expect(p('a == true')).toBe('[a equal true]');
    expect(p('a == passing')).toBe('[a equal passing]');
    expect(p('a == b.c')).toBe('[a equal b.c]');
    expect(p('primary in Service.Tags')).toBe('[Service/Tags in primary]');
    expect(p('5 in a')).toBe('[a in 5]');
  });

  it('accepts a JSON pointer selector in double quotes', () => {
    expect(p('"/Service/Meta/a~1b" == x')).toBe('[Service/Meta/a/b equal x]');
    expect(p('"x" in "/Service/Tags"')).toBe('[Service/Tags in x]');
  });

  it('binds not tighter than and, and tighter than or', () => {
    expect(p('a == 1 or b == 2 and c == 3')).toBe('(or [a equal 1] (and [b equal 2] [c equal 3]))');
    expect(p('a == 1 and b == 2 or c == 3')).toBe('(or (and [a equal 1] [b equal 2]) [c equal 3])');
    expect(p('not a == 1 and b == 2')).toBe('(and (not [a equal 1]) [b equal 2])');
    expect(p('not not a == 1')).toBe('[a equal 1]');
    expect(p('not not not a == 1')).toBe('(not [a equal 1])');
  });

  it('groups with parentheses', () => {
    expect(p('(a == 1 or b == 2) and c == 3')).toBe(
      '(and (or [a equal 1] [b equal 2]) [c equal 3])',
    );
    expect(p('not (a == 1 or b == 2)')).toBe('(not (or [a equal 1] [b equal 2]))');
    expect(p(' ( ( a == 1 ) ) ')).toBe('[a equal 1]');
  });

  it('reads keywords as words where the grammar wants a word', () => {
    expect(p('not == 1')).toBe('[not equal 1]');
    expect(p('a == and')).toBe('[a equal and]');
    expect(p('not in a')).toBe('[a in not]');
    expect(p('a.and == 1 and b == 2')).toBe('(and [a/and equal 1] [b equal 2])');
  });

  it('compiles matches patterns once, Go flags translated', () => {
    const e = parse('a matches "(?i)^ab+$"');
    expect(e.kind === 'match' && e.value?.regex?.test('ABB')).toBe(true);
  });

  it.each([
    ['', '1:1 (0): no match found, expected: an expression'],
    ['Service ==', '1:11 (10): no match found, expected: a value'],
    ['Service.Service ==', '1:19 (18): no match found, expected: a value'],
    ['a', '1:2 (1): no match found, expected: an operator'],
    ['a == 1 b', '1:8 (7): no match found, expected: "and", "or" or the end of the expression'],
    ['(a == 1', '1:1 (0): Unmatched parentheses'],
    ['a == 1)', '1:7 (6): no match found, expected: "and", "or"'],
    ['a is full', '1:6 (5): no match found, expected: "empty" or "not empty"'],
    ['a is not full', '1:10 (9): no match found, expected: "empty"'],
    ['a not b', '1:7 (6): no match found, expected: "contains", "matches" or "in"'],
    ['"x" == a', '1:5 (4): no match found, expected: "in" or "not in"'],
    ['"x" in 5', '1:8 (7): Invalid selector'],
    ['a contains"x"', '1:3 (2): no match found, expected: an operator'],
    ['a == 1 and', '1:8 (7): no match found, expected: "and", "or"'],
    ['a == 1 and (b == 2', '1:12 (11): Unmatched parentheses'],
    // As in bexpr, a double-quoted string ends at the first quote: no \" escape.
    ['a == "x\\" y"', '1:6 (5): invalid syntax'],
    ['a matches "("', '1:11 (10): Failed to compile regular expression "("'],
    ['a matches "(?U)x"', 'Failed to compile regular expression "(?U)x"'],
  ])('rejects %j: %s', (source, message) => {
    expect(() => parse(source)).toThrow(BexprSyntaxError);
    expect(() => parse(source)).toThrow(message);
  });
});
