import type { Expression, MatchExpression, MatchValue } from './ast';
import { BexprEvaluationError } from './errors';

/**
 * Evaluates a parsed expression against one datum: the JSON shape of an
 * entry (objects stand for Go structs and maps, arrays for slices).
 *
 * Semantics follow go-bexpr's evaluate.go:
 * - `==`/`!=` compare primitives, the literal coerced to the field's type
 *   (bool via strconv.ParseBool, integers via ParseInt, floats via ParseFloat);
 *   a literal that does not coerce is an error.
 * - `in`/`contains`: on a map (object), key presence; on a slice, element
 *   equality (elements the literal cannot coerce to are skipped); on a
 *   string, substring.
 * - `is empty`: length zero (strings, slices, maps; null/absent is empty).
 * - `matches`: a regular expression against a string.
 * - A missing map key (the selector's last segment, its parent an object or
 *   null) is not an error: `==`, `in`, `matches`, `is not empty` are false and
 *   their negations true, as bexpr's NotPresentDisposition. A missing
 *   intermediate segment, or a missing top-level field, is an error.
 * - A non-numeric segment applied to a slice (`Checks.Status`) selects the
 *   field of every element; the positive operator holds when it holds for
 *   any element, and the negated one is its negation.
 */
export function evaluate(expression: Expression, datum: unknown): boolean {
  switch (expression.kind) {
    case 'and':
      return evaluate(expression.left, datum) && evaluate(expression.right, datum);
    case 'or':
      return evaluate(expression.left, datum) || evaluate(expression.right, datum);
    case 'not':
      return !evaluate(expression.operand, datum);
    case 'match':
      return evaluateMatch(expression, datum);
  }
}

type Positive = 'equal' | 'in' | 'isEmpty' | 'matches';

const POSITIVE: Record<MatchExpression['operator'], [Positive, boolean]> = {
  equal: ['equal', false],
  notEqual: ['equal', true],
  in: ['in', false],
  notIn: ['in', true],
  isEmpty: ['isEmpty', false],
  isNotEmpty: ['isEmpty', true],
  matches: ['matches', false],
  notMatches: ['matches', true],
};

/** What the positive operator yields on a missing map key. */
const NOT_PRESENT: Record<Positive, boolean> = {
  equal: false,
  in: false,
  isEmpty: true,
  matches: false,
};

function evaluateMatch(expression: MatchExpression, datum: unknown): boolean {
  const [positive, negated] = POSITIVE[expression.operator];
  const result = walk(expression, positive, datum, 0);
  return negated ? !result : result;
}

function walk(expression: MatchExpression, op: Positive, node: unknown, depth: number): boolean {
  const { path } = expression.selector;
  if (depth === path.length) return apply(expression, op, node);
  const part = path[depth];
  const isLeaf = depth === path.length - 1;
  if (Array.isArray(node)) {
    if (/^\d+$/.test(part)) {
      const index = Number(part);
      if (index >= node.length) throw notFound(expression, depth, `index ${index} is out of range`);
      return walk(expression, op, node[index], depth + 1);
    }
    return node.some((element) => walk(expression, op, element, depth));
  }
  if (node === null || node === undefined) {
    // A nil map has no keys; anything else nil cannot be traversed.
    if (isLeaf && depth > 0) return NOT_PRESENT[op];
    throw notFound(expression, depth, `cannot traverse a nil value`);
  }
  if (typeof node === 'object') {
    if (Object.prototype.hasOwnProperty.call(node, part)) {
      return walk(expression, op, (node as Record<string, unknown>)[part], depth + 1);
    }
    if (isLeaf && depth > 0) return NOT_PRESENT[op];
    throw notFound(expression, depth, `couldn't find key ${JSON.stringify(part)}`);
  }
  throw notFound(expression, depth, `cannot traverse a value of type ${goKind(node)}`);
}

function notFound(expression: MatchExpression, depth: number, reason: string) {
  const pointer = '/' + expression.selector.path.slice(0, depth + 1).join('/');
  return new BexprEvaluationError(`error finding value in datum: ${pointer}: ${reason}`);
}

function apply(expression: MatchExpression, op: Positive, value: unknown): boolean {
  const match = expression.value as MatchValue;
  switch (op) {
    case 'equal': {
      if (!isPrimitive(value)) {
        throw new BexprEvaluationError(
          'unable to find suitable primitive comparison function for matching',
        );
      }
      return equalsPrimitive(match.raw, value, false);
    }
    case 'in':
      return contains(expression, value);
    case 'isEmpty':
      return isEmpty(expression, value);
    case 'matches': {
      if (typeof value !== 'string') {
        throw new BexprEvaluationError(
          `Value of type ${goKind(value)} is not convertible to []byte`,
        );
      }
      return (match.regex as RegExp).test(value);
    }
  }
}

function contains(expression: MatchExpression, value: unknown): boolean {
  const raw = (expression.value as MatchValue).raw;
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.includes(raw);
  if (Array.isArray(value)) {
    return value.some((element) => {
      if (!isPrimitive(element)) {
        throw new BexprEvaluationError(
          'unable to find suitable primitive comparison function for "in" comparison',
        );
      }
      return equalsPrimitive(raw, element, true);
    });
  }
  if (typeof value === 'object') return Object.prototype.hasOwnProperty.call(value, raw);
  throw new BexprEvaluationError(
    `Cannot perform in/contains operations on type ${goKind(value)} for selector: ${JSON.stringify(expression.selector.text)}`,
  );
}

function isEmpty(expression: MatchExpression, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string' || Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  throw new BexprEvaluationError(
    `Cannot perform is empty operations on type ${goKind(value)} for selector: ${JSON.stringify(expression.selector.text)}`,
  );
}

const isPrimitive = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * The literal coerced to the value's type, then compared. In a slice a
 * literal that does not parse as the element's type is just unequal.
 */
function equalsPrimitive(raw: string, value: string | number | boolean, lenient: boolean): boolean {
  if (typeof value === 'string') return raw === value;
  try {
    if (typeof value === 'boolean') return parseGoBool(raw) === value;
    return Number.isInteger(value) ? parseGoInt(raw) === value : parseGoFloat(raw) === value;
  } catch (error) {
    if (lenient) return false;
    throw new BexprEvaluationError(
      `error getting match value in expression: ${(error as Error).message}`,
    );
  }
}

function parseGoBool(raw: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(raw)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(raw)) return false;
  throw new Error(`strconv.ParseBool: parsing ${JSON.stringify(raw)}: invalid syntax`);
}

/** strconv.ParseInt(raw, 0, 64): sign, then decimal, 0x, 0o/0 (octal) or 0b, underscores. */
function parseGoInt(raw: string): number {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]+|[1-9][0-9_]*|0)$/.exec(raw);
  if (!m || /__|_$/.test(m[2])) {
    throw new Error(`strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax`);
  }
  let digits = m[2].replace(/_/g, '');
  if (/^0[0-7]/.test(digits)) digits = `0o${digits.slice(1)}`;
  const big = BigInt(digits);
  return Number(m[1] === '-' ? -big : big);
}

function parseGoFloat(raw: string): number {
  if (!/^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|inf|infinity|nan)$/i.test(raw)) {
    throw new Error(`strconv.ParseFloat: parsing ${JSON.stringify(raw)}: invalid syntax`);
  }
  const lower = raw.toLowerCase().replace(/^\+/, '');
  if (lower.endsWith('nan')) return NaN;
  if (lower.includes('inf')) return lower.startsWith('-') ? -Infinity : Infinity;
  return Number(raw);
}

/** Go's reflect kind names, for error texts. */
function goKind(value: unknown): string {
  if (value === null || value === undefined) return 'invalid';
  if (Array.isArray(value)) return 'slice';
  if (typeof value === 'object') return 'map';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float64';
  if (typeof value === 'boolean') return 'bool';
  return typeof value;
}
