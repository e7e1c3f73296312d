import { context, createContextKey, type Context } from '@opentelemetry/api';

/**
 * One request's deadline budget (epoch ms). It travels in the active
 * OpenTelemetry context, which AsyncLocalStorage carries to every call the
 * handler makes: the gateway sets it per route, a gRPC service from its
 * inbound call's deadline, and the deadline middleware caps each outgoing
 * call by it.
 */
const DEADLINE_BUDGET = createContextKey('junction.deadline-budget');

/** `parent` with a deadline; an earlier deadline already in `parent` wins. */
export function withDeadline(parent: Context, deadline: number): Context {
  const current = parent.getValue(DEADLINE_BUDGET) as number | undefined;
  return current !== undefined && current <= deadline
    ? parent
    : parent.setValue(DEADLINE_BUDGET, deadline);
}

/** The deadline of the request in progress, if it has one. */
export const activeDeadline = (): number | undefined =>
  context.active().getValue(DEADLINE_BUDGET) as number | undefined;
