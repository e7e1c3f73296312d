import { z } from 'zod';

/** Why an instance is out of the pick: it can't be reached, it keeps failing, or it asked. */
export type HoldReason = 'unreachable' | 'failures' | 'pushback';

/**
 * Defaults sized for a demo, where an outage lasts seconds: Envoy's 30 s base
 * would hide a recovered instance for the whole show.
 */
export const OUTLIER_EJECTION_DEFAULTS = {
  /** Consecutive failed answers that eject an instance; 0 turns that off. */
  consecutiveFailures: 5,
  /** The first ejection for failures; the k-th recent one lasts k times this. */
  baseEjectionMs: 1_000,
  /** The longest any ejection or pause lasts, whatever caused it. */
  maxEjectionMs: 30_000,
  /** Share of the listed instances that failures may eject at once (at least one of two). */
  maxEjectionPercent: 50,
} as const;

/**
 * What config (Consul KV) may set, field by field, checked. No defaults of
 * its own: an unset field keeps the value underneath (see settingsOf).
 */
export const outlierEjectionOverrideSchema = z
  .object({
    consecutiveFailures: z.number().int().min(0).max(1000),
    baseEjectionMs: z.number().int().min(1).max(600_000),
    maxEjectionMs: z.number().int().min(1).max(3_600_000),
    maxEjectionPercent: z.number().min(0).max(100),
  })
  .partial()
  .strict();

export type OutlierEjectionSettings = {
  -readonly [K in keyof typeof OUTLIER_EJECTION_DEFAULTS]: number;
};

export interface OutlierEjectionOptions extends Partial<OutlierEjectionSettings> {
  /** Told of every ejection and pause as it starts, for logs and metrics. */
  readonly onEject?: (instanceId: string, reason: HoldReason, untilMs: number) => void;
}

/** The options with every gap filled by its default. */
export const settingsOf = (options: OutlierEjectionOptions): OutlierEjectionSettings => ({
  consecutiveFailures: options.consecutiveFailures ?? OUTLIER_EJECTION_DEFAULTS.consecutiveFailures,
  baseEjectionMs: options.baseEjectionMs ?? OUTLIER_EJECTION_DEFAULTS.baseEjectionMs,
  maxEjectionMs: options.maxEjectionMs ?? OUTLIER_EJECTION_DEFAULTS.maxEjectionMs,
  maxEjectionPercent: options.maxEjectionPercent ?? OUTLIER_EJECTION_DEFAULTS.maxEjectionPercent,
});
