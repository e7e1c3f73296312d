import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ServiceResolver } from '@junction/discovery';
import { ProblemView } from '../edge/problem.view';
import { SERVICE_RESOLVER } from '../upstreams/upstream.tokens';
import { UPSTREAM_NAMES } from '../upstreams/upstreams.declaration';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(@Inject(SERVICE_RESOLVER) private readonly resolver: ServiceResolver) {}

  /** Liveness: the process answers. Never touches upstreams. */
  @Get('healthz')
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  healthz(): { status: string } {
    return { status: 'ok' };
  }

  /** Readiness: every upstream resolves to at least one instance. */
  @Get('readyz')
  @ApiOkResponse({ schema: { example: { status: 'ready', upstreams: { catalog: 1 } } } })
  @ApiResponse({ status: 503, type: ProblemView })
  readyz(): { status: string; upstreams: Record<string, number> } {
    const upstreams = Object.fromEntries(
      UPSTREAM_NAMES.map((name) => [name, this.resolver.instances(name).length]),
    );
    const missing = UPSTREAM_NAMES.filter((name) => upstreams[name] === 0);
    if (missing.length > 0) {
      throw new ServiceUnavailableException({
        message: `no instances of ${missing.join(', ')}`,
        reason: 'NOT_READY',
      });
    }
    return { status: 'ready', upstreams };
  }
}
