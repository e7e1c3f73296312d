import { trace, type Tracer } from '@opentelemetry/api';

/** The tracer for spans Junction's own middleware makes. */
export const junctionTracer = (): Tracer => trace.getTracer('junction');
