import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import type { TraceList, TraceView } from '@junction/console-api';
import { parseOr400, ProblemError } from '../http/problem';
import { TRACE_ID_PATTERN } from '../http/query-fields';
import { CONSOLE_CORE, type ConsoleCore } from '../console-core';
import { traceQuerySchema } from './trace-query.schema';

@Controller('api/traces')
export class TracesController {
  constructor(@Inject(CONSOLE_CORE) private readonly core: ConsoleCore) {}

  @Get()
  list(@Query() query: unknown): TraceList {
    const filter = parseOr400(traceQuerySchema, query, 'trace query');
    return { traces: this.core.spans.list(filter), store: this.core.storeStats() };
  }

  @Get(':traceId')
  trace(@Param('traceId') traceId: string): TraceView {
    if (!TRACE_ID_PATTERN.test(traceId)) {
      throw new ProblemError(400, 'a trace id is 32 lowercase hex digits', [
        `traceId: got ${JSON.stringify(traceId.slice(0, 64))}`,
      ]);
    }
    const trace = this.core.spans.trace(traceId);
    if (!trace) throw new ProblemError(404, `no trace ${traceId} here (not received, or evicted)`);
    return trace;
  }
}
