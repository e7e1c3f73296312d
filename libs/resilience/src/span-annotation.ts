import { trace, type AttributeValue } from '@opentelemetry/api';

/**
 * Marks what a policy did on the call's CLIENT span (the active span inside
 * the trace middleware), so a trace shows retries, breaker rejections and
 * fallbacks where they happened. A no-op on unsampled spans.
 */
export function annotateCall(attributes: Record<string, AttributeValue>): void {
  trace.getActiveSpan()?.setAttributes(attributes);
}

/** A point-in-time event on the call's span (e.g. one retry). */
export function callEvent(name: string, attributes?: Record<string, AttributeValue>): void {
  trace.getActiveSpan()?.addEvent(name, attributes);
}
