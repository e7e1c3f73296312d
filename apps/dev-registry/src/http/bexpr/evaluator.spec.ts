import { BexprEvaluationError } from './errors';
import { evaluate } from './evaluator';
import { parse } from './parser';

const entry = {
  Node: { Node: 'n1', Meta: { 'consul-version': '1.21.0', rack: 'r1' }, TaggedAddresses: {} },
  Service: {
    ID: 'web-1',
    Service: 'web',
    Tags: ['primary', 'v2'],
    Port: 8080,
    Meta: { version: '2.1', 'a.b': 'dotted' },
    Weights: { Passing: 1, Warning: 1 },
    EnableTagOverride: false,
    Address: '',
    TaggedAddresses: undefined,
    Ratio: 0.5,
  },
  Checks: [
    { CheckID: 'serfHealth', Status: 'passing', ServiceTags: [] },
    { CheckID: 'web-ttl', Status: 'critical', ServiceTags: ['primary'] },
  ],
  NullMeta: null,
};

const ev = (source: string, datum: unknown = entry) => evaluate(parse(source), datum);

describe('bexpr evaluator', () => {
  it('== and != on strings, bare words, numbers and booleans (literal coerced to the field)', () => {
    expect(ev('Service.Service == "web"')).toBe(true);
    expect(ev('Service.Service == web')).toBe(true);
    expect(ev('Service.Service != web')).toBe(false);
    expect(ev('Service.Port == 8080')).toBe(true);
    expect(ev('Service.Port == "8080"')).toBe(true);
    expect(ev('Service.Port == "0x1F90"')).toBe(true); // ParseInt base 0; 0x… is no number literal
    expect(ev('Service.Port != 80')).toBe(true);
    expect(ev('Service.Ratio == 0.5')).toBe(true);
    expect(ev('Service.EnableTagOverride == false')).toBe(true);
    expect(ev('Service.EnableTagOverride == F')).toBe(true);
    expect(ev('Service.EnableTagOverride != true')).toBe(true);
  });

  it('contains / in on slices, maps (keys) and strings', () => {
    expect(ev('Service.Tags contains "primary"')).toBe(true);
    expect(ev('Service.Tags contains "replica"')).toBe(false);
    expect(ev('"v2" in Service.Tags')).toBe(true);
    expect(ev('Service.Tags not contains "replica"')).toBe(true);
    expect(ev('"primary" not in Service.Tags')).toBe(false);
    expect(ev('Service.Meta contains version')).toBe(true);
    expect(ev('"2.1" in Service.Meta')).toBe(false);
    expect(ev('Service.Service contains "e"')).toBe(true);
    expect(ev('"xyz" in Service.Service')).toBe(false);
    expect(ev('Service.TaggedAddresses contains lan')).toBe(false);
  });

  it('in on a slice of numbers coerces per element, skipping unparsable literals', () => {
    expect(ev('2 in Xs', { Xs: [1, 2, 3] })).toBe(true);
    expect(ev('"two" in Xs', { Xs: [1, 2, 3] })).toBe(false);
    expect(ev('true in Xs', { Xs: [1, 'true'] })).toBe(true);
  });

  it('is empty / is not empty on strings, slices, maps and nil', () => {
    expect(ev('Service.Address is empty')).toBe(true);
    expect(ev('Service.Tags is not empty')).toBe(true);
    expect(ev('Node.TaggedAddresses is empty')).toBe(true);
    expect(ev('Node.Meta is empty')).toBe(false);
    expect(ev('Service.TaggedAddresses is empty')).toBe(true);
    expect(ev('NullMeta is empty')).toBe(true);
  });

  it('matches / not matches with Go regular expressions', () => {
    expect(ev('Service.ID matches "^web-[0-9]+$"')).toBe(true);
    expect(ev('Service.ID matches "^api"')).toBe(false);
    expect(ev('Service.ID not matches "^api"')).toBe(true);
    expect(ev('Service.Service matches "(?i)WEB"')).toBe(true);
    expect(ev('Service.Meta.version matches `^2\\.`')).toBe(true);
  });

  it('selects map values by dotted, indexed and JSON-pointer paths', () => {
    expect(ev('Service.Meta.version == "2.1"')).toBe(true);
    expect(ev('Service.Meta["a.b"] == dotted')).toBe(true);
    expect(ev('Node.Meta["consul-version"] == "1.21.0"')).toBe(true);
    expect(ev('"/Node/Meta/rack" == r1')).toBe(true);
    expect(ev('Service.Tags.0 == primary')).toBe(true);
  });

  it('treats a missing map key as bexpr does (NotPresentDisposition)', () => {
    expect(ev('Service.Meta.nope == x')).toBe(false);
    expect(ev('Service.Meta.nope != x')).toBe(true);
    expect(ev('Service.Meta.nope is empty')).toBe(true);
    expect(ev('Service.Meta.nope is not empty')).toBe(false);
    expect(ev('Service.Meta.nope contains x')).toBe(false);
    expect(ev('Service.Meta.nope not contains x')).toBe(true);
    expect(ev('Service.Meta.nope matches x')).toBe(false);
    expect(ev('Service.Meta.nope not matches x')).toBe(true);
    expect(ev('NullMeta.k == x')).toBe(false);
  });

  it('applies a field selector across a slice of structs: any element', () => {
    expect(ev('Checks.Status == critical')).toBe(true);
    expect(ev('Checks.Status == warning')).toBe(false);
    expect(ev('Checks.Status != warning')).toBe(true);
    expect(ev('Checks.ServiceTags contains primary')).toBe(true);
    expect(ev('Checks.1.CheckID == "web-ttl"')).toBe(true);
  });

  it('combines with and / or / not, precedence and parentheses', () => {
    expect(ev('Service.Port == 1 or Service.Port == 8080 and Service.Service == web')).toBe(true);
    expect(ev('(Service.Port == 1 or Service.Port == 8080) and Service.Service == api')).toBe(
      false,
    );
    expect(ev('not Service.Port == 1 and not Service.Service == api')).toBe(true);
    expect(ev('not (Service.Port == 8080 or Service.Service == api)')).toBe(false);
  });

  it('short-circuits and/or like bexpr (errors on the right are not reached)', () => {
    expect(ev('Service.Port == 1 and Nope == x')).toBe(false);
    expect(ev('Service.Port == 8080 or Nope == x')).toBe(true);
  });

  it.each([
    ['Nope == x', 'error finding value in datum: /Nope: couldn\'t find key "Nope"'],
    ['Service.Nope.x == 1', 'error finding value in datum: /Service/Nope'],
    ['Service.Port.x == 1', 'cannot traverse a value of type int'],
    ['Service.Tags.5 == x', 'index 5 is out of range'],
    ['Service.Port == abc', 'strconv.ParseInt: parsing "abc": invalid syntax'],
    ['Service.Port == 1.5', 'strconv.ParseInt: parsing "1.5": invalid syntax'],
    ['Service.EnableTagOverride == yes', 'strconv.ParseBool: parsing "yes": invalid syntax'],
    ['Service.Ratio == x', 'strconv.ParseFloat: parsing "x": invalid syntax'],
    ['Service.Tags == x', 'unable to find suitable primitive comparison function'],
    ['Service.Port contains 8', 'Cannot perform in/contains operations on type int'],
    ['Service.Port matches "8"', 'Value of type int is not convertible to []byte'],
    ['Service.Port is empty', 'Cannot perform is empty operations on type int'],
    ['Checks contains x', 'unable to find suitable primitive comparison function for "in"'],
  ])('cannot evaluate %j', (source, message) => {
    expect(() => ev(source)).toThrow(BexprEvaluationError);
    expect(() => ev(source)).toThrow(message);
  });
});
