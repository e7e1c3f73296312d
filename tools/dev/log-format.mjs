// Turns a pino JSON line into `name  LEVEL message key=value…` for a human
// watching `npm start`; anything that is not pino JSON passes through.
const LEVELS = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
const COLORS = ['36', '33', '35', '32', '34', '31'];
const HIDDEN = new Set(['level', 'time', 'msg', 'service', 'name', 'pid', 'hostname']);

export function formatter(names) {
  const width = Math.max(...names.map((n) => n.length));
  const color = Object.fromEntries(names.map((n, i) => [n, COLORS[i % COLORS.length]]));
  const tty = process.stdout.isTTY;
  return (name, line) => {
    const label = name.padEnd(width);
    const prefix = tty ? `\x1b[${color[name]}m${label}\x1b[0m` : label;
    let record;
    try {
      record = JSON.parse(line);
    } catch {
      return `${prefix} | ${line}`;
    }
    if (typeof record !== 'object' || record === null || !('msg' in record))
      return `${prefix} | ${line}`;
    const extras = Object.entries(record)
      .filter(([key]) => !HIDDEN.has(key))
      .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
      .join(' ');
    return `${prefix} | ${LEVELS[record.level] ?? record.level} ${record.msg}${extras ? `  ${extras}` : ''}`;
  };
}
