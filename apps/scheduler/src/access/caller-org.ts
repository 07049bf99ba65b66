import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type AuthenticatedRequest, DomainError, type ProblemCatalogue } from '@revisit/platform';

export enum CallerOrgErrorCode {
  OrgRequired = 'access.org-required',
  OtherOrganisation = 'access.other-organisation',
}

const PROBLEMS: ProblemCatalogue<CallerOrgErrorCode> = {
  [CallerOrgErrorCode.OrgRequired]: { status: 400, title: 'Say which of your organisations (?org=)' },
  [CallerOrgErrorCode.OtherOrganisation]: { status: 403, title: 'Not one of your organisations' },
};

export class CallerOrgError extends DomainError<CallerOrgErrorCode> {
  constructor(code: CallerOrgErrorCode, message: string) {
    super(code, message, PROBLEMS);
  }
}

type Request = AuthenticatedRequest & { query?: Record<string, unknown> };

/**
 * The organisation a `@Roles` route acts for, from the verified token: its only organisation, or the one
 * named by `?org=` among the token's organisations.
 */
export function callerOrgOf(request: Request): string {
  const orgs = request.principal?.orgIds ?? [];
  const asked = request.query?.['org'];
  if (typeof asked === 'string') {
    if (!orgs.includes(asked))
      throw new CallerOrgError(CallerOrgErrorCode.OtherOrganisation, 'org is not in your token');
    return asked;
  }
  if (orgs.length === 1) return orgs[0]!;
  throw new CallerOrgError(
    CallerOrgErrorCode.OrgRequired,
    orgs.length === 0 ? 'your token names no organisation' : 'your token names several organisations: add ?org=',
  );
}

export const CallerOrg = createParamDecorator((_data: unknown, context: ExecutionContext): string =>
  callerOrgOf(context.switchToHttp().getRequest<Request>()),
);

/** Who made a change, for audit trails: the staff id when the issuer gives one, else the token subject. */
export const CallerId = createParamDecorator((_data: unknown, context: ExecutionContext): string | null => {
  const principal = context.switchToHttp().getRequest<Request>().principal;
  return principal === undefined ? null : (principal.staffId ?? principal.subject);
});
