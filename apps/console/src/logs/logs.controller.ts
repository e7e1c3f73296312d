import { Controller, Get, Inject, Query } from '@nestjs/common';
import type { LogView } from '@junction/console-api';
import { CONSOLE_CORE, type ConsoleCore } from '../console-core';
import { parseOr400 } from '../http/problem';
import { logQuerySchema } from './log-query.schema';

@Controller('api/logs')
export class LogsController {
  constructor(@Inject(CONSOLE_CORE) private readonly core: ConsoleCore) {}

  /** Newest first. */
  @Get()
  list(@Query() query: unknown): LogView[] {
    const filter = parseOr400(logQuerySchema, query, 'log query');
    return this.core.logs.list({ ...filter, level: filter.level as LogView['level'] | undefined });
  }
}
