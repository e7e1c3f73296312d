import { StatusError } from '../status.error';

/**
 * The StatusError an action fails with, for tests that assert codes and
 * reasons. Fails the test when the action succeeds or throws anything else.
 */
export async function statusErrorOf(
  action: (() => unknown) | Promise<unknown>,
): Promise<StatusError> {
  try {
    await (typeof action === 'function' ? action() : action);
  } catch (error) {
    if (error instanceof StatusError) return error;
    throw error;
  }
  throw new Error('expected a StatusError, but the action succeeded');
}
