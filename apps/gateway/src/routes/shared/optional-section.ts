/**
 * Unwraps an optional section's settled call: its value, or null with the
 * section named in `degraded`. Essential calls never go through here.
 */
export function optionalSection<T>(
  result: PromiseSettledResult<T>,
  section: string,
  degraded: string[],
): T | null {
  if (result.status === 'fulfilled') return result.value;
  degraded.push(section);
  return null;
}

/** A single call's outcome as a settled result, never a rejection. */
export const settle = <T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> =>
  promise.then(
    (value) => ({ status: 'fulfilled', value }),
    (reason: unknown) => ({ status: 'rejected', reason }),
  );
