import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiResponse, ApiSecurity } from '@nestjs/swagger';
import { PUBLIC, requireScopes, type RoutePolicy } from '@junction/auth';
import { ProblemView } from '../problem.view';

/** Where a route's policy rides: Fastify's route config, read by the authentication hook. */
export interface AccessRouteConfig {
  readonly access?: RoutePolicy;
}

const WWW_AUTHENTICATE = {
  'WWW-Authenticate': { description: 'Bearer, with error="invalid_token" when one was sent' },
};

/** Anyone may call it; a credential, when sent, must still be valid. */
export const PublicRoute = () => RouteConfig({ access: PUBLIC } satisfies AccessRouteConfig);

/**
 * Only a verified identity holding every scope named (none: any identity).
 * API routes without a declaration are treated as `RequireScopes()`.
 */
export const RequireScopes = (...scopes: string[]) =>
  applyDecorators(
    RouteConfig({ access: requireScopes(...scopes) } satisfies AccessRouteConfig),
    ApiBearerAuth(),
    ApiSecurity('api-key'),
    ApiResponse({
      status: 401,
      type: ProblemView,
      description: 'No credential, or one that is not valid',
      headers: WWW_AUTHENTICATE,
    }),
    ApiResponse({
      status: 403,
      type: ProblemView,
      description: `Valid, but without the scope${scopes.length === 1 ? '' : 's'} ${scopes.join(', ') || '(any)'}`,
    }),
  );
