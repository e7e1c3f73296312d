import { context, createContextKey, type Context } from '@opentelemetry/api';

/**
 * The request's deadline travels in the active (OpenTelemetry) context, which
 * AsyncLocalStorage carries to every upstream call the handler makes.
 */
const ROUTE_DEADLINE = createContextKey('junction.route-deadline');

export const withRouteDeadline = (parent: Context, deadline: number): Context =>
  parent.setValue(ROUTE_DEADLINE, deadline);

/** The deadline of the request in progress, if any. */
export const activeRouteDeadline = (): number | undefined =>
  context.active().getValue(ROUTE_DEADLINE) as number | undefined;
