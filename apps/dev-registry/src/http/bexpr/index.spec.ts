import { compileGoRegExp } from './go-regexp';
import { Filter } from './index';

describe('Filter', () => {
  it('prefixes parse errors as bexpr CreateFilter does', () => {
    expect(() => Filter.compile('Service ==')).toThrow(
      /^Failed to create boolean expression evaluator: 1:11 \(10\): no match found/,
    );
  });

  it('selects slice entries (optionally through a view) and map values, keys kept', () => {
    const filter = Filter.compile('Tags contains primary');
    const a = { ID: 'a', Tags: ['primary'] };
    const b = { ID: 'b', Tags: ['replica'] };
    expect(filter.select([a, b])).toEqual([a]);
    expect(filter.select([{ x: a }, { x: b }], (e) => e.x)).toEqual([{ x: a }]);
    expect(filter.selectValues({ a, b })).toEqual({ a });
  });
});

describe('compileGoRegExp', () => {
  it('translates Go-only syntax', () => {
    expect(compileGoRegExp('(?is)^a.b$').test('A\nB')).toBe(true);
    expect(compileGoRegExp('(?P<v>\\d+)').exec('x12')?.groups?.v).toBe('12');
    expect(compileGoRegExp('\\Aab\\z').test('ab')).toBe(true);
    expect(compileGoRegExp('\\Aab\\z').test('ab\n')).toBe(false);
    expect(compileGoRegExp('\\\\A').test('\\A')).toBe(true);
  });

  it('reports bad syntax', () => {
    expect(() => compileGoRegExp('(')).toThrow(/^error parsing regexp: /);
    expect(() => compileGoRegExp('(?U)a')).toThrow('invalid or unsupported Perl syntax');
  });
});
