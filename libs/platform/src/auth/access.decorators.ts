import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { type Principal } from './principal';

export const ROUTE_ACCESS_METADATA = 'revisit:auth:access';

/** The explicit access decision every route carries; a route without one is denied. */
export type RouteAccess = { readonly kind: 'public' } | { readonly kind: 'roles'; readonly roles: readonly string[] };

/** Anyone may call it (health, metrics, token endpoint, discovery). */
export const Public = () => SetMetadata(ROUTE_ACCESS_METADATA, { kind: 'public' } satisfies RouteAccess);

/** A signed-in user holding at least one of these roles. */
export const Roles = (...roles: [string, ...string[]]) =>
  SetMetadata(ROUTE_ACCESS_METADATA, { kind: 'roles', roles } satisfies RouteAccess);

export interface AuthenticatedRequest {
  principal?: Principal;
}

/** The verified caller of a `@Roles` route. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without @Roles');
  return principal;
});
