import {
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { QUARANTINE_STAFF_AUTHENTICATOR, type StaffAuthenticator, type StaffMember } from './staff-authenticator';
import { StaffError, StaffErrorCode } from './staff.errors';

const ROLES_KEY = 'revisit:ingest:staff-roles';

/** Staff holding one of these roles may call the endpoint; without the decorator any staff member may. */
export const StaffRoles = (...roles: string[]) => SetMetadata(ROLES_KEY, roles);

type StaffRequest = { headers: Record<string, string | string[] | undefined>; staffMember?: StaffMember };

@Injectable()
export class StaffRolesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(QUARANTINE_STAFF_AUTHENTICATOR) private readonly authenticator: StaffAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<StaffRequest>();
    const member = await this.authenticator.authenticate(request.headers);
    if (!member) throw new StaffError(StaffErrorCode.Unauthenticated, 'Send a valid Authorization: Bearer <token>');
    const roles =
      this.reflector.getAllAndOverride<string[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]) ??
      [];
    if (roles.length > 0 && !roles.some((role) => member.roles.includes(role))) {
      throw new StaffError(StaffErrorCode.RoleRequired, `This action needs one of the roles: ${roles.join(', ')}`);
    }
    request.staffMember = member;
    return true;
  }
}

export const CurrentStaff = createParamDecorator((_: unknown, context: ExecutionContext): StaffMember => {
  const member = context.switchToHttp().getRequest<StaffRequest>().staffMember;
  if (!member) throw new StaffError(StaffErrorCode.Unauthenticated, 'Send a valid Authorization: Bearer <token>');
  return member;
});
