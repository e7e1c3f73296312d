import { Injectable } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import type { FastifyReply } from 'fastify';
import { GatewayMetrics } from '../../metrics/gateway-metrics';

/**
 * Makes a partial answer visible everywhere it matters: `X-Degraded` for
 * caches and clients, a count per route and section for dashboards, and an
 * attribute on the request's span for whoever reads the trace.
 */
@Injectable()
export class DegradedAnswers {
  constructor(private readonly metrics: GatewayMetrics) {}

  mark(reply: FastifyReply, route: string, degraded: readonly string[]): void {
    if (degraded.length === 0) return;
    const sections = degraded.join(',');
    void reply.header('x-degraded', sections);
    for (const section of degraded) this.metrics.edge.fallbacks.inc({ route, section });
    trace.getActiveSpan()?.setAttribute('junction.degraded', sections);
  }
}
