import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import { PlanStoreError, PlanStoreErrorCode } from './plan-store.errors';

export const ORG_HEADER = 'x-revisit-org-id';
const ORG_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

interface OrgScopedRequest {
  headers: Record<string, string | string[] | undefined>;
  callerOrgId?: string;
}

/**
 * Which organisation the caller acts for. Until the plans API sits behind the platform's bearer-token
 * guard (libs/platform/src/auth: `Principal.orgIds`), the organisation comes from a validated header set
 * by the gateway in front of the service; swap this guard for one reading the verified principal.
 */
@Injectable()
export class CallerOrgGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<OrgScopedRequest>();
    const value = request.headers[ORG_HEADER];
    if (typeof value !== 'string' || !ORG_ID.test(value)) {
      throw new PlanStoreError(PlanStoreErrorCode.OrgHeaderMissing, `send the organisation id in ${ORG_HEADER}`);
    }
    request.callerOrgId = value;
    return true;
  }
}

export const CallerOrg = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const org = context.switchToHttp().getRequest<OrgScopedRequest>().callerOrgId;
  if (org === undefined) throw new PlanStoreError(PlanStoreErrorCode.OrgHeaderMissing, 'no caller organisation');
  return org;
});
