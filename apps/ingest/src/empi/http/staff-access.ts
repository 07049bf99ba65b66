import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { EmpiError, EmpiErrorCode } from '../empi.errors';

/** Roles of the outreach issuer's staff tokens that the EMPI distinguishes. */
export type StaffRole = 'agent' | 'supervisor' | 'admin';

export interface StaffPrincipal {
  readonly staffId: string;
  readonly roles: readonly string[];
}

/**
 * Port: who is calling, from the request headers (a bearer JWT of the outreach issuer). The ingest auth
 * feature provides the implementation; until one is wired, `RefuseAllStaff` keeps every staff endpoint closed.
 */
export interface StaffAuthenticator {
  authenticate(headers: Readonly<Record<string, string | string[] | undefined>>): Promise<StaffPrincipal | undefined>;
}

export const STAFF_AUTHENTICATOR = Symbol('STAFF_AUTHENTICATOR');

/** Fails closed: with no identity provider configured, nobody is a staff member. */
export class RefuseAllStaff implements StaffAuthenticator {
  authenticate(): Promise<StaffPrincipal | undefined> {
    return Promise.resolve(undefined);
  }
}

const ROLES_KEY = 'revisit:empi:roles';

/** Staff with any of these roles may call the endpoint (an empty list: any authenticated staff member). */
export const RequireStaffRoles = (...roles: StaffRole[]) => SetMetadata(ROLES_KEY, roles);

type StaffRequest = { headers: Record<string, string | string[] | undefined>; staff?: StaffPrincipal };

/** Authenticates every request of the controllers it guards and checks the roles they declare. */
@Injectable()
export class EmpiStaffGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(STAFF_AUTHENTICATOR) private readonly authenticator: StaffAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<StaffRequest>();
    const principal = await this.authenticator.authenticate(request.headers);
    if (!principal) throw new EmpiError(EmpiErrorCode.Unauthenticated, 'A staff bearer token is required');
    const required =
      this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES_KEY, [
        context.getHandler(),
        context.getClass(),
      ]) ?? [];
    if (required.length > 0 && !required.some((role) => principal.roles.includes(role))) {
      throw new EmpiError(EmpiErrorCode.Forbidden, `This action needs one of the roles: ${required.join(', ')}`);
    }
    request.staff = principal;
    return true;
  }
}

/** The authenticated staff member (set by `EmpiStaffGuard`). */
export const Staff = createParamDecorator((_: unknown, context: ExecutionContext): StaffPrincipal => {
  const staff = context.switchToHttp().getRequest<StaffRequest>().staff;
  if (!staff) throw new EmpiError(EmpiErrorCode.Unauthenticated, 'A staff bearer token is required');
  return staff;
});
