import { DomainError, type ProblemCatalogue } from '@revisit/platform';

export enum StaffErrorCode {
  Unauthenticated = 'staff.unauthenticated',
  RoleRequired = 'staff.role-required',
}

const STAFF_PROBLEMS: ProblemCatalogue<StaffErrorCode> = {
  [StaffErrorCode.Unauthenticated]: { status: 401, title: 'Staff bearer token required' },
  [StaffErrorCode.RoleRequired]: { status: 403, title: 'Role required' },
};

export class StaffError extends DomainError<StaffErrorCode> {
  constructor(code: StaffErrorCode, message: string) {
    super(code, message, STAFF_PROBLEMS);
  }
}
