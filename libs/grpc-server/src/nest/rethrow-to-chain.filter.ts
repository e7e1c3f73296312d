import { Catch, type ExceptionFilter } from '@nestjs/common';

/**
 * Nest's own exception layer would answer what a handler throws with its
 * `{ status: 'error', message }` and log it. The server chain maps errors
 * itself (a StatusError to its status, anything else logged and INTERNAL),
 * so this global filter hands them back unchanged. A controller's own
 * @UseFilters still comes first.
 */
@Catch()
export class RethrowToChainFilter implements ExceptionFilter {
  catch(error: unknown): never {
    throw error;
  }
}
