/**
 * A syntax error in a filter expression, positioned as go-bexpr's pigeon
 * parser reports it: `<line>:<column> (<offset>): <message>` (1-based line
 * and column, 0-based offset).
 */
export class BexprSyntaxError extends Error {
  constructor(
    readonly source: string,
    readonly offset: number,
    readonly reason: string,
  ) {
    super(`${position(source, offset)}: ${reason}`);
    this.name = 'BexprSyntaxError';
  }
}

/** An expression that parsed but cannot be evaluated against a datum (Consul answers 500). */
export class BexprEvaluationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BexprEvaluationError';
  }
}

function position(source: string, offset: number): string {
  const before = [...source.slice(0, offset)];
  let line = 1;
  let column = 1;
  for (const char of before) {
    if (char === '\n') {
      line++;
      column = 1;
    } else {
      column++;
    }
  }
  return `${line}:${column} (${offset})`;
}
