import type { LogLevel } from '@junction/console-api';

/** Lowest first, so a minimum level filters by index. */
export const LOG_LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

export const levelRank = (level: LogLevel): number => LOG_LEVELS.indexOf(level);

const BY_TEXT: Readonly<Record<string, LogLevel>> = {
  trace: 'trace',
  debug: 'debug',
  info: 'info',
  information: 'info',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  err: 'error',
  fatal: 'fatal',
  critical: 'fatal',
};

/**
 * A record's level from its OTLP severity number (1–4 trace … 21–24 fatal),
 * else from its severity text (pino's labels and common synonyms), else info.
 */
export function levelOf(severityNumber: number, severityText: string): LogLevel {
  if (severityNumber >= 1 && severityNumber <= 24) {
    return LOG_LEVELS[Math.floor((severityNumber - 1) / 4)] ?? 'info';
  }
  return BY_TEXT[severityText.trim().toLowerCase()] ?? 'info';
}
