import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { CONSOLE_CORE, type ConsoleCore } from '../console-core';
import { parseOr400 } from '../http/problem';
import { breakerCommandSchema } from './breaker-command';
import type { KvWriteResult } from './kv-control';

/** Forced breakers, faults and runtime config: every write goes through Consul KV. */
@Controller('api')
export class ControlController {
  constructor(@Inject(CONSOLE_CORE) private readonly core: ConsoleCore) {}

  @Put('breakers/:upstream')
  forceBreaker(@Param('upstream') upstream: string, @Body() body: unknown): Promise<KvWriteResult> {
    return this.core.control.forceBreaker(
      upstream,
      parseOr400(breakerCommandSchema, body, 'breaker command'),
    );
  }

  @Get('faults/:service')
  faults(@Param('service') service: string): Promise<unknown> {
    return this.core.control.readFaults(service);
  }

  @Put('faults/:service')
  writeFaults(@Param('service') service: string, @Body() body: unknown): Promise<KvWriteResult> {
    return this.core.control.writeFaults(service, body);
  }

  @Get('config/:app')
  config(@Param('app') app: string): Promise<unknown> {
    return this.core.control.readConfig(app);
  }

  @Put('config/:app')
  writeConfig(@Param('app') app: string, @Body() body: unknown): Promise<KvWriteResult> {
    return this.core.control.writeConfig(app, body);
  }
}
