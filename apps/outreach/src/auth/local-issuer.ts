import { type EntityManager } from 'typeorm';
import { AuthUsersError, AuthUsersErrorCode } from './auth-users.errors';
import { type LocalSigningKey } from './local-signing-key';
import { DECOY_HASH, verifyPassword } from './password-hasher';
import { UserRepository } from './user.repository';

export interface LocalIssuerSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly ttlSeconds: number;
}

export interface TokenResponse {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
}

/** The built-in issuer for single-site installs: password grant against `auth_user`, ES256 tokens. */
export class LocalIssuer {
  constructor(
    private readonly key: LocalSigningKey,
    readonly settings: LocalIssuerSettings,
  ) {}

  get jwks() {
    return this.key.jwks;
  }

  /** Same answer and about the same time for an unknown user, a wrong password and a disabled account. */
  async passwordGrant(manager: EntityManager, username: string, password: string): Promise<TokenResponse> {
    const user = await new UserRepository(manager).findByUsername(username);
    const valid = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH);
    if (!user || !valid || user.disabled) {
      throw new AuthUsersError(AuthUsersErrorCode.InvalidGrant, 'wrong username or password');
    }
    const token = await this.key.sign(
      {
        roles: user.roles,
        org_ids: user.orgIds,
        ...(user.staffId === null ? {} : { staff_id: user.staffId }),
        ...(user.displayName === null ? {} : { name: user.displayName }),
      },
      { ...this.settings, subject: user.id },
    );
    return { access_token: token, token_type: 'Bearer', expires_in: this.settings.ttlSeconds };
  }

  discovery() {
    const base = this.settings.issuer.replace(/\/$/, '');
    return {
      issuer: this.settings.issuer,
      jwks_uri: `${base}/.well-known/jwks.json`,
      token_endpoint: `${base}/v1/auth/token`,
      grant_types_supported: ['password'],
      token_endpoint_auth_methods_supported: ['none'],
      response_types_supported: ['token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['ES256'],
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'roles', 'org_ids', 'staff_id', 'name'],
    };
  }
}
