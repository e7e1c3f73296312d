import { trace } from '@opentelemetry/api';

interface Flushable {
  forceFlush?: () => Promise<void>;
  getDelegate?: () => Flushable;
}

/** Exports spans still buffered; call during graceful shutdown. */
export async function flushTelemetry(): Promise<void> {
  const proxy = trace.getTracerProvider() as Flushable;
  const provider = proxy.getDelegate?.() ?? proxy;
  await provider.forceFlush?.();
}
