/** The AST of a go-bexpr expression. */

/**
 * The operators as bexpr keeps them: `contains` is `in` with the operands
 * swapped in the source (`S contains V` ≡ `V in S`), so both map to `in`.
 */
export type MatchOperator =
  | 'equal'
  | 'notEqual'
  | 'in'
  | 'notIn'
  | 'isEmpty'
  | 'isNotEmpty'
  | 'matches'
  | 'notMatches';

export interface Selector {
  /** Path segments (`Service.Meta["a.b"]` → `['Service', 'Meta', 'a.b']`). */
  readonly path: readonly string[];
  /** As written, for error texts. */
  readonly text: string;
}

export interface MatchValue {
  /** The literal as text; coerced to the selected field's type when evaluated. */
  readonly raw: string;
  /** For (not) matches: the regular expression, compiled once. */
  readonly regex?: RegExp;
}

export type Expression =
  | { readonly kind: 'and' | 'or'; readonly left: Expression; readonly right: Expression }
  | { readonly kind: 'not'; readonly operand: Expression }
  | MatchExpression;

export interface MatchExpression {
  readonly kind: 'match';
  readonly selector: Selector;
  readonly operator: MatchOperator;
  /** Absent for `is empty` / `is not empty`. */
  readonly value?: MatchValue;
}
