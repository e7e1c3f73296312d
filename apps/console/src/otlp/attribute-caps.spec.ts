import { AttributeCaps } from './attribute-caps';
import type { KeyValueInput } from './otlp-input';

const str = (key: string, value: string): KeyValueInput => ({ key, value: { stringValue: value } });

describe('attribute caps', () => {
  it('keeps the first maxAttributes attributes and counts the dropped ones', () => {
    const caps = new AttributeCaps({ maxAttributes: 3, maxValueLength: 100 });
    const attributes = caps.attributes(
      ['a', 'b', 'c', 'd', 'e'].map((key) => str(key, key.toUpperCase())),
    );
    expect(attributes).toEqual({ a: 'A', b: 'B', c: 'C' });
    expect(caps.counts.droppedAttributes).toBe(2);
  });

  it('lets a repeated key replace its value without counting against the cap', () => {
    const caps = new AttributeCaps({ maxAttributes: 2, maxValueLength: 100 });
    expect(caps.attributes([str('a', '1'), str('a', '2'), str('b', '3')])).toEqual({
      a: '2',
      b: '3',
    });
    expect(caps.counts.droppedAttributes).toBe(0);
  });

  it('cuts long values (and keys) to maxValueLength characters, counting each', () => {
    const caps = new AttributeCaps({ maxAttributes: 10, maxValueLength: 4 });
    expect(caps.attributes([str('key-long', 'abcdefgh'), str('k', 'abcd')])).toEqual({
      'key-': 'abcd',
      k: 'abcd',
    });
    expect(caps.counts.truncatedValues).toBe(2);
  });

  it('maps scalar types, keeps unsafe int64 digits and shows nested values as JSON text', () => {
    const caps = new AttributeCaps({ maxAttributes: 10, maxValueLength: 1000 });
    expect(
      caps.attributes([
        { key: 'int', value: { intValue: '42' } },
        { key: 'huge', value: { intValue: '9007199254740993' } },
        { key: 'double', value: { doubleValue: 1.5 } },
        { key: 'bool', value: { boolValue: false } },
        {
          key: 'list',
          value: { arrayValue: { values: [{ stringValue: 'x' }, { intValue: '1' }] } },
        },
        {
          key: 'map',
          value: { kvlistValue: { values: [{ key: 'k', value: { boolValue: true } }] } },
        },
        { key: 'nested', value: { arrayValue: { values: [{ arrayValue: { values: [] } }] } } },
        { key: 'empty', value: {} },
      ]),
    ).toEqual({
      int: 42,
      huge: '9007199254740993',
      double: 1.5,
      bool: false,
      list: ['x', 1],
      map: '{"k":true}',
      nested: '[[]]',
      empty: '',
    });
  });

  it('keeps markup verbatim: escaping is the UI’s job', () => {
    const caps = new AttributeCaps({ maxAttributes: 10, maxValueLength: 1000 });
    const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    expect(caps.attributes([str(payload, payload)])).toEqual({ [payload]: payload });
  });

  it('treats __proto__ as a plain key', () => {
    const caps = new AttributeCaps({ maxAttributes: 10, maxValueLength: 1000 });
    const attributes = caps.attributes([str('__proto__', 'x')]);
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(JSON.stringify(attributes)).toBe('{"__proto__":"x"}');
  });
});
