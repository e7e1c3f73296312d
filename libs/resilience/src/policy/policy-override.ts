import type { ClientPolicy, ClientPolicyOverride } from './client-policy.schema';

/** `base` with the fields `override` sets; sub-policies merge field by field. */
export function applyOverride(base: ClientPolicy, override?: ClientPolicyOverride): ClientPolicy {
  if (!override) return base;
  return {
    timeoutMs: override.timeoutMs ?? base.timeoutMs,
    methodTimeoutsMs: { ...base.methodTimeoutsMs, ...override.methodTimeoutsMs },
    retryAlso: override.retryAlso ?? base.retryAlso,
    breaker: { ...base.breaker, ...override.breaker },
    retry: { ...base.retry, ...override.retry },
    bulkhead: { ...base.bulkhead, ...override.bulkhead },
  };
}

/**
 * A policy getter that merges only when its input changes, so every call
 * between two config changes sees the same objects (the breakers are rebuilt
 * when, and only when, their options object changes).
 */
export function livePolicy(
  base: ClientPolicy,
  currentOverride: () => ClientPolicyOverride | undefined,
): () => ClientPolicy {
  let seen: ClientPolicyOverride | undefined;
  let merged = base;
  return () => {
    const override = currentOverride();
    if (override !== seen) {
      const next = applyOverride(base, override);
      // Keep unchanged sub-policies identical, so their users see no change.
      merged = {
        ...next,
        breaker: sameFields(next.breaker, merged.breaker) ? merged.breaker : next.breaker,
        retry: sameFields(next.retry, merged.retry) ? merged.retry : next.retry,
        bulkhead: sameFields(next.bulkhead, merged.bulkhead) ? merged.bulkhead : next.bulkhead,
      };
      seen = override;
    }
    return merged;
  };
}

const sameFields = <T extends object>(a: T, b: T): boolean =>
  Object.keys(a).every((key) => a[key as keyof T] === b[key as keyof T]);
