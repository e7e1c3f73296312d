/**
 * A Go (RE2) regular expression as a JavaScript RegExp, for `matches`.
 * The common syntax is shared; what differs and is translated: leading
 * flag groups `(?i)`, `(?s)`, `(?m)` (and combinations), named groups
 * `(?P<name>…)`, and the anchors `\A` / `\z`. Like Go's `MatchString`, the
 * expression is unanchored. Throws with Go's wording on bad syntax.
 */
export function compileGoRegExp(source: string): RegExp {
  let pattern = source;
  let flags = '';
  const leading = /^\(\?([a-zA-Z]+)\)/.exec(pattern);
  if (leading) {
    for (const flag of leading[1]) {
      if (!'ims'.includes(flag))
        throw new Error(`error parsing regexp: invalid or unsupported Perl syntax: \`(?${flag}\``);
      if (!flags.includes(flag)) flags += flag;
    }
    pattern = pattern.slice(leading[0].length);
  }
  pattern = pattern
    .replace(/\(\?P</g, '(?<')
    .replace(/(^|[^\\])((?:\\\\)*)\\A/g, '$1$2^')
    .replace(/(^|[^\\])((?:\\\\)*)\\z/g, '$1$2(?![\\s\\S])');
  try {
    return new RegExp(pattern, flags);
  } catch (error) {
    const reason = (error as Error).message.replace(/^Invalid regular expression: /, '');
    throw new Error(`error parsing regexp: ${reason}`);
  }
}
