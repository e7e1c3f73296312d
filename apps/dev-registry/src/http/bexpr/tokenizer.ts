import { BexprSyntaxError } from './errors';

/**
 * Tokens of go-bexpr's grammar. Words are lexed as whole dotted selectors
 * (`Service.Meta["k"].x`, `Checks.0.Status`); whether a word is a keyword
 * (`and`, `or`, `not`, `in`, `contains`, `is`, `empty`, `matches`) or a
 * selector / bare value is the parser's call, by context, as in the PEG.
 */
export type Token =
  | (TokenBase & { readonly kind: 'word'; readonly path: readonly string[] })
  | (TokenBase & { readonly kind: 'string'; readonly value: string; readonly quote: '"' | '`' })
  | (TokenBase & { readonly kind: 'number' })
  | (TokenBase & { readonly kind: '==' | '!=' | '(' | ')' | 'eof' });

interface TokenBase {
  /** Offset of the first character. */
  readonly start: number;
  /** Offset after the last character. */
  readonly end: number;
  /** The source text of the token. */
  readonly text: string;
  /** Whether whitespace precedes it (keywords need it on both sides). */
  readonly spaceBefore: boolean;
}

const WHITESPACE = /[ \t\r\n]/;
const LETTER = /[a-zA-Z]/;
const IDENT_REST = /[a-zA-Z0-9_]/;
const DIGIT = /[0-9]/;

export function tokenize(source: string): Token[] {
  return new Lexer(source).all();
}

class Lexer {
  private at = 0;

  constructor(private readonly source: string) {}

  all(): Token[] {
    const tokens: Token[] = [];
    for (;;) {
      const token = this.next();
      tokens.push(token);
      if (token.kind === 'eof') return tokens;
    }
  }

  private next(): Token {
    const before = this.at;
    while (this.at < this.source.length && WHITESPACE.test(this.source[this.at])) this.at++;
    const spaceBefore = this.at > before;
    const start = this.at;
    const char = this.source[start];
    const base = (end: number) => ({
      start,
      end,
      text: this.source.slice(start, end),
      spaceBefore,
    });
    if (char === undefined) return { kind: 'eof', ...base(start) };
    if (char === '(' || char === ')') {
      this.at++;
      return { kind: char, ...base(this.at) };
    }
    const two = this.source.slice(start, start + 2);
    if (two === '==' || two === '!=') {
      this.at += 2;
      return { kind: two, ...base(this.at) };
    }
    if (char === '"' || char === '`') {
      const value = this.string();
      return { kind: 'string', value, quote: char, ...base(this.at) };
    }
    if (char === '-' || DIGIT.test(char)) {
      this.number();
      return { kind: 'number', ...base(this.at) };
    }
    if (LETTER.test(char)) {
      const path = this.selector();
      return { kind: 'word', path, ...base(this.at) };
    }
    throw this.error(
      start,
      `no match found, expected: a selector, a value or "(", got ${quoteChar(char)}`,
    );
  }

  /** `Identifier ("." Identifier / "." [0-9]+ / "[" _? StringLiteral _? "]")*` */
  private selector(): string[] {
    const path = [this.identifier()];
    for (;;) {
      const char = this.source[this.at];
      const after = this.source[this.at + 1] ?? '';
      if (char === '.' && LETTER.test(after)) {
        this.at++;
        path.push(this.identifier());
      } else if (char === '.' && DIGIT.test(after)) {
        const start = ++this.at;
        while (DIGIT.test(this.source[this.at] ?? '')) this.at++;
        path.push(this.source.slice(start, this.at));
      } else if (char === '[') {
        path.push(this.index());
      } else {
        return path;
      }
    }
  }

  private identifier(): string {
    const start = this.at++;
    while (IDENT_REST.test(this.source[this.at] ?? '')) this.at++;
    return this.source.slice(start, this.at);
  }

  private index(): string {
    const open = this.at++;
    this.skipSpace();
    const quote = this.source[this.at];
    if (quote !== '"' && quote !== '`') throw this.error(open, 'Invalid index');
    const key = this.string();
    this.skipSpace();
    if (this.source[this.at] !== ']') throw this.error(open, 'Unclosed index expression');
    this.at++;
    return key;
  }

  /** `"-"? ("0" / [1-9][0-9]*) ("." [0-9]+)?`, followed by whitespace, `)` or the end. */
  private number(): void {
    const start = this.at;
    if (this.source[this.at] === '-') this.at++;
    const first = this.source[this.at] ?? '';
    if (first === '0') this.at++;
    else if (DIGIT.test(first)) while (DIGIT.test(this.source[this.at] ?? '')) this.at++;
    else throw this.error(start, 'Invalid number literal');
    if (this.source[this.at] === '.' && DIGIT.test(this.source[this.at + 1] ?? '')) {
      this.at++;
      while (DIGIT.test(this.source[this.at] ?? '')) this.at++;
    }
    const next = this.source[this.at];
    if (next !== undefined && next !== ')' && !WHITESPACE.test(next))
      throw this.error(start, 'Invalid number literal');
  }

  /** A double-quoted (Go escapes, no `\"`) or backtick raw string; returns its value. */
  private string(): string {
    const start = this.at;
    const quote = this.source[this.at++];
    const close = this.source.indexOf(quote, this.at);
    if (close < 0) throw this.error(start, 'Unterminated string literal');
    const body = this.source.slice(this.at, close);
    this.at = close + 1;
    if (quote === '`') return body.replace(/\r/g, '');
    try {
      return unquoteGo(body);
    } catch (error) {
      throw this.error(start, (error as Error).message);
    }
  }

  private skipSpace(): void {
    while (WHITESPACE.test(this.source[this.at] ?? '')) this.at++;
  }

  private error(offset: number, reason: string): BexprSyntaxError {
    return new BexprSyntaxError(this.source, offset, reason);
  }
}

const quoteChar = (char: string) => JSON.stringify(char);

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/** The body of a Go interpreted string literal, as strconv.Unquote reads it. */
export function unquoteGo(body: string): string {
  const invalid = () => new Error('invalid syntax');
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === '\n') throw invalid();
    if (char !== '\\') {
      out += char;
      continue;
    }
    const kind = body[++i];
    if (kind === undefined) throw invalid();
    if (kind in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[kind];
      continue;
    }
    const width = { x: 2, u: 4, U: 8 }[kind];
    if (width !== undefined) {
      const hex = body.slice(i + 1, i + 1 + width);
      if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) throw invalid();
      const code = parseInt(hex, 16);
      if (kind === 'x') {
        out += String.fromCharCode(code);
      } else {
        if (code > 0x10ffff || (code >= 0xd800 && code < 0xe000)) throw invalid();
        out += String.fromCodePoint(code);
      }
      i += width;
      continue;
    }
    const octal = body.slice(i, i + 3);
    if (/^[0-7]{3}$/.test(octal) && parseInt(octal, 8) <= 0xff) {
      out += String.fromCharCode(parseInt(octal, 8));
      i += 2;
      continue;
    }
    throw invalid();
  }
  return out;
}
