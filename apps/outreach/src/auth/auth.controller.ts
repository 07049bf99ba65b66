import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { parseRequest, Public } from '@revisit/platform';
import { Type } from '@sinclair/typebox';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { RateLimiter } from '../security/rate-limiter';
import { AuthUsersError, AuthUsersErrorCode } from './auth-users.errors';
import { type LocalIssuer } from './local-issuer';

export const LOCAL_ISSUER = Symbol('LOCAL_ISSUER');

const TokenRequest = Type.Object({
  grant_type: Type.Literal('password'),
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
  scope: Type.Optional(Type.String({ maxLength: 200 })),
});

/** The local issuer's token endpoint and discovery documents. */
@ApiTags('auth')
@Public()
@Controller()
export class AuthController {
  constructor(
    @Inject(LOCAL_ISSUER) private readonly issuer: LocalIssuer | undefined,
    private readonly dataSource: DataSource,
    private readonly limiter: RateLimiter,
  ) {}

  /** OAuth 2.0 password grant (JSON or form-encoded body). */
  @Post('v1/auth/token')
  @HttpCode(200)
  async token(@Body() body: unknown, @Req() request: Request) {
    const issuer = this.enabled();
    const { username, password } = parseRequest(TokenRequest, body);
    await this.limiter.consumeLogin(`${username.normalize('NFC')}|${request.ip ?? 'unknown'}`);
    return issuer.passwordGrant(this.dataSource.manager, username, password);
  }

  @Get('.well-known/openid-configuration')
  discovery() {
    return this.enabled().discovery();
  }

  @Get('.well-known/jwks.json')
  jwks() {
    return this.enabled().jwks;
  }

  private enabled(): LocalIssuer {
    if (!this.issuer)
      throw new AuthUsersError(AuthUsersErrorCode.LocalIssuerDisabled, 'use the configured OIDC provider');
    return this.issuer;
  }
}
