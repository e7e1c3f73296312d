import { Controller, Get, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RequireScopes } from '../../edge/auth/route-access.decorator';
import { EdgeResponses } from '../../edge/edge-responses.decorator';
import { RequestIdentities } from '../../edge/rate-limit/request-identities';
import { toIdentityView, IdentityView } from './identity.view';

/**
 * The caller's own identity: lets a client check a credential (and what
 * it may do) without touching data, and lets tooling wait until a newly
 * created key has reached the gateway.
 */
@ApiTags('identity')
@EdgeResponses()
@Controller('api/v1/me')
export class MeController {
  constructor(private readonly identities: RequestIdentities) {}

  @Get()
  @RequireScopes()
  @ApiOperation({ summary: 'Who the credential sent proves you are, and its scopes' })
  @ApiOkResponse({ type: IdentityView })
  me(@Req() request: FastifyRequest): IdentityView {
    const identity = this.identities.identityOf(request);
    // The hook refuses an identified route's request without one before this runs.
    if (!identity) throw new Error('authenticated route reached without an identity');
    return toIdentityView(identity);
  }
}
