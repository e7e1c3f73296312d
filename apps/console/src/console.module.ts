import { Module, type DynamicModule } from '@nestjs/common';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { CONSOLE_CORE, type ConsoleCore } from './console-core';
import { ControlController } from './control/control.controller';
import { ProcessesController } from './control/processes.controller';
import { HealthController } from './health/health.controller';
import { LIVE_INTERVAL_MS, LiveController } from './live/live.controller';
import { LogsController } from './logs/logs.controller';
import { ServicesController } from './services/services.controller';
import { TracesController } from './traces/traces.controller';

@Module({})
export class ConsoleModule {
  static register(core: ConsoleCore, liveIntervalMs: number): DynamicModule {
    return {
      module: ConsoleModule,
      controllers: [
        HealthController,
        TracesController,
        LogsController,
        ServicesController,
        ControlController,
        ProcessesController,
        ApiKeysController,
        LiveController,
      ],
      providers: [
        { provide: CONSOLE_CORE, useValue: core },
        { provide: LIVE_INTERVAL_MS, useValue: liveIntervalMs },
      ],
    };
  }
}
