import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import type { ProcessView } from '@junction/console-api';
import { CONSOLE_CORE, type ConsoleCore } from '../console-core';
import { ProblemError } from '../http/problem';
import type { LauncherClient } from './launcher.client';

/** The processes `npm start` runs, through the launcher's control API. */
@Controller('api/processes')
export class ProcessesController {
  constructor(@Inject(CONSOLE_CORE) private readonly core: ConsoleCore) {}

  @Get()
  processes(): Promise<ProcessView[]> {
    return this.launcher().processes();
  }

  @Post(':name/restart')
  @HttpCode(202)
  restart(@Param('name') name: string): Promise<ProcessView> {
    return this.launcher().restart(name);
  }

  private launcher(): LauncherClient {
    if (!this.core.launcher) {
      throw new ProblemError(404, 'not started by npm start: there is no launcher to ask');
    }
    return this.core.launcher;
  }
}
