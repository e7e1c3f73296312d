import type { Expression } from './ast';
import { BexprSyntaxError } from './errors';
import { evaluate } from './evaluator';
import { parse } from './parser';

export type { Expression } from './ast';
export { BexprEvaluationError, BexprSyntaxError } from './errors';

/** Consul's filter (go-bexpr), compiled once per request and run per entry. */
export class Filter {
  private constructor(readonly expression: Expression) {}

  /**
   * Parses `source`. A bad expression throws an Error with bexpr's
   * CreateFilter text: `Failed to create boolean expression evaluator: <cause>`.
   */
  static compile(source: string): Filter {
    try {
      return new Filter(parse(source));
    } catch (error) {
      if (!(error instanceof BexprSyntaxError)) throw error;
      throw new Error(`Failed to create boolean expression evaluator: ${error.message}`);
    }
  }

  /** Whether the entry passes; throws BexprEvaluationError when it cannot be evaluated. */
  matches(datum: unknown): boolean {
    return evaluate(this.expression, datum);
  }

  /** The entries that pass, in order (bexpr filtering a slice). */
  select<T>(entries: readonly T[], view: (entry: T) => unknown = (entry) => entry): T[] {
    return entries.filter((entry) => this.matches(view(entry)));
  }

  /** The map entries whose values pass, keys kept (bexpr filtering a map). */
  selectValues<T>(entries: Readonly<Record<string, T>>): Record<string, T> {
    return Object.fromEntries(Object.entries(entries).filter(([, value]) => this.matches(value)));
  }
}
