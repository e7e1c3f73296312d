import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ApiKeySet } from '@junction/auth';
import type { RuntimeConfig, ServiceResolver } from '@junction/discovery';
import { API_KEYS } from '../edge/auth/api-keys.token';
import { ProblemView } from '../edge/problem.view';
import { SERVICE_RESOLVER } from '../upstreams/upstream.tokens';
import { UPSTREAM_NAMES } from '../upstreams/upstreams.declaration';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    @Inject(SERVICE_RESOLVER) private readonly resolver: ServiceResolver,
    @Inject(API_KEYS) private readonly apiKeys: RuntimeConfig<ApiKeySet>,
  ) {}

  /** Liveness: the process answers. Never touches upstreams. */
  @Get('healthz')
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  healthz(): { status: string } {
    return { status: 'ok' };
  }

  /**
   * Readiness: every upstream resolves to at least one instance, and the API
   * keys have been read from Consul (a replica taking traffic before that
   * would refuse every valid key).
   */
  @Get('readyz')
  @ApiOkResponse({ schema: { example: { status: 'ready', upstreams: { catalog: 1 } } } })
  @ApiResponse({ status: 503, type: ProblemView })
  readyz(): { status: string; upstreams: Record<string, number> } {
    const upstreams = Object.fromEntries(
      UPSTREAM_NAMES.map((name) => [name, this.resolver.instances(name).length]),
    );
    if (!this.apiKeys.loaded) {
      throw new ServiceUnavailableException({
        message: 'API keys not read from Consul yet',
        reason: 'NOT_READY',
      });
    }
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
