import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Identity } from '@junction/auth';

/** Who the gateway verified the caller to be: what their credential grants. */
export class IdentityView {
  @ApiProperty({ example: 'alice', description: "The API key's owner, or the token's `sub`" })
  subject!: string;
  @ApiProperty({ enum: ['api-key', 'jwt'], description: 'How the credential was proven' })
  kind!: string;
  @ApiProperty({ example: ['orders'], type: [String] })
  scopes!: string[];
  @ApiPropertyOptional({
    example: 'jk_3hX9aQ2mP0sV',
    description: "The API key's public id, or the token's `kid`",
  })
  keyId?: string;
}

export const toIdentityView = (identity: Identity): IdentityView => ({
  subject: identity.subject,
  kind: identity.kind,
  scopes: [...identity.scopes],
  ...(identity.keyId ? { keyId: identity.keyId } : {}),
});
