import { Controller, Get } from '@nestjs/common';

@Controller()
export class HealthController {
  /** Liveness, for the launcher and probes; needs no token. */
  @Get('healthz')
  healthz(): { status: string } {
    return { status: 'ok' };
  }
}
