import type { AttributeValue } from '@junction/console-api';
import { unixMillis } from './time.nanos';

// toFixed, without the zeros it pads with (12.50 → 12.5, 3.00 → 3).
const trim = (value: number, digits: number): string => {
  const fixed = value.toFixed(digits);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
};

/** A duration as an operator reads it: µs below a millisecond, s above a second. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  const abs = Math.abs(ms);
  if (abs === 0) return '0 ms';
  if (abs < 1) return `${trim(ms * 1000, 0)} µs`;
  if (abs < 10) return `${trim(ms, 2)} ms`;
  if (abs < 1000) return `${trim(ms, 1)} ms`;
  if (abs < 60_000) return `${trim(ms / 1000, 2)} s`;
  return `${trim(ms / 60_000, 1)} min`;
}

/** Events per second, with k/M past a thousand. */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return '–';
  if (perSecond === 0) return '0/s';
  if (perSecond < 0.01) return '<0.01/s';
  if (perSecond < 10) return `${trim(perSecond, 2)}/s`;
  if (perSecond < 1000) return `${trim(perSecond, 1)}/s`;
  if (perSecond < 1_000_000) return `${trim(perSecond / 1000, 1)}k/s`;
  return `${trim(perSecond / 1_000_000, 1)}M/s`;
}

/** A ratio 0..1 as a percentage; tiny non-zero ratios are not rounded to 0. */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '–';
  const pct = ratio * 100;
  if (pct === 0) return '0%';
  if (pct < 0.01) return '<0.01%';
  if (pct < 10) return `${trim(pct, 2)}%`;
  return `${trim(pct, 1)}%`;
}

/** Thousands separated, whatever the locale (the console is read side by side with logs). */
export function formatCount(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const pad = (value: number, width = 2): string => value.toString().padStart(width, '0');

/** Local wall-clock time with milliseconds (HH:MM:SS.mmm) of a nanosecond timestamp. */
export function formatClock(timeUnixNano: string): string {
  const date = new Date(unixMillis(timeUnixNano));
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** Local date and time (YYYY-MM-DD HH:MM:SS) of an ISO string; the input when unparsable. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** How long ago an ISO time was, coarsely (45 s, 12 min, 3 h 5 min, 2 d); '–' when unparsable. */
export function formatSince(iso: string, nowMs: number): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return '–';
  const s = Math.max(0, Math.floor((nowMs - then) / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  return `${Math.floor(h / 24)} d`;
}

/** An attribute value as plain text (arrays as JSON, so element boundaries stay visible). */
export function formatAttribute(value: AttributeValue): string {
  return Array.isArray(value) ? JSON.stringify(value) : String(value);
}
