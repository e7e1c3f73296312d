import type { Expression, MatchExpression, MatchOperator, MatchValue, Selector } from './ast';
import { BexprSyntaxError } from './errors';
import { compileGoRegExp } from './go-regexp';
import { tokenize, type Token } from './tokenizer';

/**
 * go-bexpr's grammar (grammar/grammar.peg), by recursive descent:
 *
 *   Or    := And ("or" Or)?              binds loosest
 *   And   := Not ("and" And)?
 *   Not   := "not" Not | Group
 *   Group := "(" Or ")" | Match
 *   Match := Selector ("==" | "!=" | "contains" | "not contains"
 *                      | "matches" | "not matches") Value
 *          | Selector ("is empty" | "is not empty")
 *          | Value ("in" | "not in") Selector
 *
 * Keywords need whitespace on both sides; `==`/`!=` do not. Values are
 * double-quoted strings (Go escapes), backtick raw strings, numbers, or bare
 * words/selectors (taken as their text, so `true` and `passing` work).
 * A double-quoted JSON pointer (`"/Service/Tags"`) is also a selector.
 */
export function parse(source: string): Expression {
  return new Parser(source).parseInput();
}

const JSON_POINTER = /^(\/[\p{L}\p{N}\-_.~|]+)*$/u;

class Parser {
  private readonly tokens: Token[];
  private at = 0;

  constructor(private readonly source: string) {
    this.tokens = tokenize(source);
  }

  parseInput(): Expression {
    if (this.peek().kind === 'eof')
      throw this.error(this.peek(), 'no match found, expected: an expression');
    const expression = this.parseOr();
    const rest = this.peek();
    if (rest.kind !== 'eof')
      throw this.unexpected(rest, '"and", "or" or the end of the expression');
    return expression;
  }

  private parseOr(): Expression {
    const left = this.parseAnd();
    if (!this.isBinaryKeyword('or')) return left;
    this.at++;
    return { kind: 'or', left, right: this.parseOr() };
  }

  private parseAnd(): Expression {
    const left = this.parseNot();
    if (!this.isBinaryKeyword('and')) return left;
    this.at++;
    return { kind: 'and', left, right: this.parseAnd() };
  }

  /** `not` is unary only when followed by whitespace; otherwise (PEG backtracking) a word. */
  private parseNot(): Expression {
    if (!this.isKeyword(this.peek(), 'not') || !this.peek(1).spaceBefore) return this.parseGroup();
    const start = this.at;
    let asUnary: BexprSyntaxError;
    try {
      this.at++;
      const operand = this.parseNot();
      // `not not x` is x, as bexpr simplifies it.
      return operand.kind === 'not' ? operand.operand : { kind: 'not', operand };
    } catch (error) {
      if (!(error instanceof BexprSyntaxError)) throw error;
      asUnary = error;
    }
    const afterUnary = this.at;
    this.at = start;
    try {
      return this.parseGroup();
    } catch (error) {
      // Report the failure that got furthest, as a PEG parser does.
      if (error instanceof BexprSyntaxError && error.offset >= asUnary.offset) throw error;
      this.at = afterUnary;
      throw asUnary;
    }
  }

  private parseGroup(): Expression {
    const open = this.peek();
    if (open.kind !== '(') return this.parseMatch();
    this.at++;
    const inner = this.parseOr();
    if (this.peek().kind !== ')') throw this.error(open, 'Unmatched parentheses');
    this.at++;
    return inner;
  }

  private parseMatch(): MatchExpression {
    const first = this.peek();
    if (first.kind === 'word' || this.isPointer(first)) {
      const operator = this.peek(1);
      if (operator.kind === '==' || operator.kind === '!=') {
        this.at += 2;
        const opName = operator.kind === '==' ? 'equal' : 'notEqual';
        return this.match(this.selectorOf(first), opName, this.parseValue(false));
      }
      if (this.isOperatorKeyword(operator, 'is')) return this.parseIsEmpty(first);
      const negated = this.isOperatorKeyword(operator, 'not');
      const keyword = negated ? this.peek(2) : operator;
      if (negated && !this.isOperatorKeyword(keyword, 'contains', 'matches', 'in')) {
        throw this.unexpected(keyword, '"contains", "matches" or "in"');
      }
      if (this.isOperatorKeyword(keyword, 'contains', 'matches')) {
        this.at += negated ? 3 : 2;
        const word = this.keywordOf(keyword);
        const opName: MatchOperator =
          word === 'contains' ? (negated ? 'notIn' : 'in') : negated ? 'notMatches' : 'matches';
        return this.match(
          this.selectorOf(first),
          opName,
          this.parseValue(true, word === 'matches'),
        );
      }
      if (!this.isOperatorKeyword(keyword, 'in')) {
        throw this.unexpected(
          operator,
          'an operator ("==", "!=", "contains", "matches", "in", "is empty", ...)',
        );
      }
    } else if (first.kind !== 'string' && first.kind !== 'number') {
      throw this.unexpected(first, 'a selector, a value or "("');
    }
    return this.parseValueInSelector();
  }

  /** `Value ("in" | "not in") Selector`. */
  private parseValueInSelector(): MatchExpression {
    const value = this.parseValue(false);
    const negated = this.isOperatorKeyword(this.peek(), 'not');
    const keyword = this.peek(negated ? 1 : 0);
    if (!this.isOperatorKeyword(keyword, 'in')) {
      throw this.unexpected(this.peek(), negated ? '"in"' : '"in" or "not in"');
    }
    this.at += negated ? 2 : 1;
    const target = this.peek();
    if ((target.kind !== 'word' && !this.isPointer(target)) || !target.spaceBefore) {
      throw this.error(target, 'Invalid selector');
    }
    this.at++;
    return this.match(this.selectorOf(target), negated ? 'notIn' : 'in', value);
  }

  /** `Selector "is" ("empty" | "not" "empty")`. */
  private parseIsEmpty(first: Token): MatchExpression {
    const after = this.peek(2);
    if (this.isOperatorKeyword(after, 'empty', 'not')) {
      const negated = this.keywordOf(after) === 'not';
      const empty = negated ? this.peek(3) : after;
      if (this.isOperatorKeyword(empty, 'empty')) {
        this.at += negated ? 4 : 3;
        return this.match(this.selectorOf(first), negated ? 'isNotEmpty' : 'isEmpty');
      }
      throw this.unexpected(empty, '"empty"');
    }
    throw this.unexpected(after, '"empty" or "not empty"');
  }

  private parseValue(needsSpace: boolean, regex = false): MatchValue {
    const token = this.peek();
    if (needsSpace && !token.spaceBefore && token.kind !== 'eof')
      throw this.unexpected(token, 'whitespace');
    let raw: string;
    if (token.kind === 'word') raw = token.path.join('.');
    else if (token.kind === 'string') raw = token.value;
    else if (token.kind === 'number') raw = token.text;
    else throw this.unexpected(token, 'a value (string, number or bare word)');
    this.at++;
    if (!regex) return { raw };
    try {
      return { raw, regex: compileGoRegExp(raw) };
    } catch (error) {
      throw this.error(
        token,
        `Failed to compile regular expression ${JSON.stringify(raw)}: ${(error as Error).message}`,
      );
    }
  }

  private match(selector: Selector, operator: MatchOperator, value?: MatchValue): MatchExpression {
    return value
      ? { kind: 'match', selector, operator, value }
      : { kind: 'match', selector, operator };
  }

  private selectorOf(token: Token): Selector {
    if (token.kind === 'word') return { path: token.path, text: token.text };
    const pointer = token.text.slice(1, -1);
    const path = pointer
      .split('/')
      .slice(1)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
    return { path, text: token.text };
  }

  private isPointer(token: Token): boolean {
    return (
      token.kind === 'string' && token.quote === '"' && JSON_POINTER.test(token.text.slice(1, -1))
    );
  }

  private isBinaryKeyword(word: string): boolean {
    const token = this.peek();
    return this.isKeyword(token, word) && token.spaceBefore && this.peek(1).spaceBefore;
  }

  /** A keyword between operands: whitespace before it and after it. */
  private isOperatorKeyword(token: Token, ...words: string[]): boolean {
    const index = this.tokens.indexOf(token);
    const next = this.tokens[index + 1];
    return (
      words.some((w) => this.isKeyword(token, w)) &&
      token.spaceBefore &&
      // `is empty` may end the input; other keywords are followed by an operand.
      (next === undefined || next.kind === 'eof' || next.kind === ')' || next.spaceBefore)
    );
  }

  private isKeyword(token: Token, word: string): boolean {
    return token.kind === 'word' && token.text === word;
  }

  private keywordOf(token: Token): string {
    return token.text;
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.at + ahead, this.tokens.length - 1)];
  }

  private unexpected(token: Token, expected: string): BexprSyntaxError {
    const got = token.kind === 'eof' ? 'end of input' : JSON.stringify(token.text);
    return this.error(token, `no match found, expected: ${expected}, got ${got}`);
  }

  private error(token: Token, reason: string): BexprSyntaxError {
    return new BexprSyntaxError(this.source, token.start, reason);
  }
}
