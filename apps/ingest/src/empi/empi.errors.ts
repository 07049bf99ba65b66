import { DomainError, type ProblemCatalogue } from '@revisit/platform';

export enum EmpiErrorCode {
  NoLocalIdentifier = 'empi.no-local-identifier',
  InvalidIdentifierQuery = 'empi.invalid-identifier-query',
  IdentifierNotFound = 'empi.identifier-not-found',
  AmbiguousIdentifier = 'empi.ambiguous-identifier',
  SearchNeedsCriteria = 'empi.search-needs-criteria',
  ReviewNotFound = 'empi.review-not-found',
  ReviewAlreadyDecided = 'empi.review-already-decided',
  PatientNotFound = 'empi.patient-not-found',
  PatientNotActive = 'empi.patient-not-active',
  MergeSamePatient = 'empi.merge-same-patient',
  MergeNotFound = 'empi.merge-not-found',
  AlreadyUnmerged = 'empi.already-unmerged',
  UnmergeConflict = 'empi.unmerge-conflict',
  Unauthenticated = 'empi.unauthenticated',
  Forbidden = 'empi.forbidden',
}

const EMPI_PROBLEMS: ProblemCatalogue<EmpiErrorCode> = {
  [EmpiErrorCode.NoLocalIdentifier]: { status: 422, title: 'Source patient has no local identifier' },
  [EmpiErrorCode.InvalidIdentifierQuery]: { status: 400, title: 'Identifier must be SYSTEM|VALUE' },
  [EmpiErrorCode.IdentifierNotFound]: { status: 404, title: 'Identifier not known' },
  [EmpiErrorCode.AmbiguousIdentifier]: { status: 409, title: 'Identifier belongs to several enterprise patients' },
  [EmpiErrorCode.SearchNeedsCriteria]: { status: 400, title: 'Search needs at least one criterion' },
  [EmpiErrorCode.ReviewNotFound]: { status: 404, title: 'Review item not found' },
  [EmpiErrorCode.ReviewAlreadyDecided]: { status: 409, title: 'Review item already decided' },
  [EmpiErrorCode.PatientNotFound]: { status: 404, title: 'Enterprise patient not found' },
  [EmpiErrorCode.PatientNotActive]: { status: 409, title: 'Enterprise patient was merged into another' },
  [EmpiErrorCode.MergeSamePatient]: { status: 400, title: 'A patient cannot be merged into itself' },
  [EmpiErrorCode.MergeNotFound]: { status: 404, title: 'Merge not found' },
  [EmpiErrorCode.AlreadyUnmerged]: { status: 409, title: 'Merge already undone' },
  [EmpiErrorCode.UnmergeConflict]: { status: 409, title: 'Merge can no longer be undone as recorded' },
  [EmpiErrorCode.Unauthenticated]: { status: 401, title: 'Authentication required' },
  [EmpiErrorCode.Forbidden]: { status: 403, title: 'Role not allowed' },
};

export class EmpiError extends DomainError<EmpiErrorCode> {
  constructor(code: EmpiErrorCode, message: string) {
    super(code, message, EMPI_PROBLEMS);
  }
}
