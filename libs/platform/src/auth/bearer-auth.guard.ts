import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type AuthenticatedRequest, ROUTE_ACCESS_METADATA, type RouteAccess } from './access.decorators';
import { AuthError, AuthErrorCode } from './auth.errors';
import { type JwtVerifier } from './jwt-verifier';

export const JWT_VERIFIER = Symbol('JWT_VERIFIER');

/**
 * Global guard that denies by default: a route passes only if it (or its controller) says `@Public()`, or
 * says `@Roles(...)` and the bearer token verifies and holds one of those roles.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(JWT_VERIFIER) private readonly verifier: JwtVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (access === undefined) throw new AuthError(AuthErrorCode.UndeclaredRoute, 'this route is not open to anyone');
    if (access.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { headers: Record<string, unknown> }>();
    const token = bearerToken(request.headers['authorization']);
    const principal = await this.verifier.verify(token);
    if (!principal.roles.some((role) => access.roles.includes(role))) {
      throw new AuthError(AuthErrorCode.Forbidden, 'your role does not allow this');
    }
    request.principal = principal;
    return true;
  }
}

function bearerToken(header: unknown): string {
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim()) : null;
  if (!match?.[1]) throw new AuthError(AuthErrorCode.MissingToken, 'send a bearer token');
  return match[1];
}
