import type { OutlierEjectionOptions, OutlierEjectionSettings } from './outlier-ejection.options';

/**
 * An upstream's outlier-ejection options: the typed defaults with ops' live
 * KV changes on top, merged only when the change arrives (the balancer reads
 * them on every call).
 */
export function liveEjection(
  defaults: OutlierEjectionOptions,
  override: () => Partial<OutlierEjectionSettings> | undefined,
): () => OutlierEjectionOptions {
  let seen: Partial<OutlierEjectionSettings> | undefined;
  let merged = defaults;
  return () => {
    const current = override();
    if (current !== seen) {
      merged = { ...defaults, ...current };
      seen = current;
    }
    return merged;
  };
}
