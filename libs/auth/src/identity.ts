/** Who a verified credential says the caller is. */
export interface Identity {
  /** The API key's owner, or the token's `sub`. */
  readonly subject: string;
  readonly scopes: readonly string[];
  /** How it was proven. */
  readonly kind: 'api-key' | 'jwt';
  /** The API key's public id, or the token's `kid` when it has one. */
  readonly keyId?: string;
}

/**
 * Why a credential was refused. Callers answer every one of them with the
 * same 401: the reason is for logs and metrics, never for the client.
 */
export type CredentialFailure =
  | 'malformed'
  | 'unknown-key'
  | 'wrong-secret'
  | 'revoked'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'bad-signature'
  | 'algorithm-not-allowed'
  | 'keys-unavailable';

export type Verification =
  | { readonly ok: true; readonly identity: Identity }
  | { readonly ok: false; readonly failure: CredentialFailure };
