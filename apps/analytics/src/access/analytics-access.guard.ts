import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AccessError, AccessErrorCode } from './access.errors';
import { type BearerTokenVerifier } from './bearer-token.verifier';
import { canReadMetrics, type Viewer } from './viewer';

export const BEARER_VERIFIER = Symbol('BEARER_VERIFIER');

export type RequestWithViewer = Request & { viewer?: Viewer };

/**
 * Every analytics route sits behind this guard: a valid bearer token of the outreach issuer, a role that may
 * read figures, and the organisation asked for (`org`) equal to the token's. Fails closed when sign-in is not
 * configured.
 */
@Injectable()
export class AnalyticsAccessGuard implements CanActivate {
  constructor(@Inject(BEARER_VERIFIER) private readonly verifier: BearerTokenVerifier | null) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithViewer>();
    if (this.verifier === null) {
      throw new AccessError(AccessErrorCode.NotConfigured, 'set AUTH_ISSUER and AUTH_JWKS_URL');
    }
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
    if (!match) throw new AccessError(AccessErrorCode.MissingToken, 'send Authorization: Bearer <access token>');
    const viewer = await this.verifier.verify(match[1]);
    if (!canReadMetrics(viewer)) throw new AccessError(AccessErrorCode.RoleNotAllowed, 'a reporting role is needed');
    const org = typeof request.query['org'] === 'string' ? request.query['org'] : undefined;
    if (org !== undefined && !viewer.orgs.includes(org)) {
      throw new AccessError(AccessErrorCode.OtherOrganisation, 'org must be one of the organisations of your token');
    }
    request.viewer = viewer;
    return true;
  }
}
