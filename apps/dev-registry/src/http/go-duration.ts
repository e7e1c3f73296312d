/** Nanoseconds per unit, as Go's time.ParseDuration knows them. */
const UNITS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

const PART = /^(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;

/**
 * Go's time.ParseDuration: "300ms", "1.5h", "2h45m", "-1s", "0". Returns
 * nanoseconds; throws `time: invalid duration "<s>"` (Go's text) otherwise.
 * A number without a unit is invalid, except "0".
 */
export function parseGoDuration(text: string): number {
  const invalid = () => new Error(`time: invalid duration ${JSON.stringify(text)}`);
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') throw invalid();
  let total = 0;
  while (rest !== '') {
    const match = PART.exec(rest);
    if (!match) {
      const number = /^(\d+(?:\.\d*)?|\.\d+)([^\d.]*)/.exec(rest);
      if (!number) throw invalid();
      if (number[2] === '')
        throw new Error(`time: missing unit in duration ${JSON.stringify(text)}`);
      throw new Error(
        `time: unknown unit ${JSON.stringify(number[2])} in duration ${JSON.stringify(text)}`,
      );
    }
    total += Number(match[1]) * UNITS[match[2]];
    rest = rest.slice(match[0].length);
  }
  return sign * total;
}

/** Nanoseconds as Go prints a time.Duration: "10s", "1m30s", "500ms", "0s". */
export function formatGoDuration(ns: number): string {
  if (ns === 0) return '0s';
  const sign = ns < 0 ? '-' : '';
  let rest = Math.abs(ns);
  if (rest < 1e3) return `${sign}${rest}ns`;
  if (rest < 1e6) return `${sign}${trim(rest / 1e3)}µs`;
  if (rest < 1e9) return `${sign}${trim(rest / 1e6)}ms`;
  let out = '';
  const hours = Math.floor(rest / 3600e9);
  rest -= hours * 3600e9;
  const minutes = Math.floor(rest / 60e9);
  rest -= minutes * 60e9;
  if (hours) out += `${hours}h`;
  if (hours || minutes) out += `${minutes}m`;
  return `${sign}${out}${trim(rest / 1e9)}s`;
}

const trim = (n: number): string => String(Number(n.toFixed(9)));
