import { DomainError, type ProblemCatalogue } from '@revisit/platform';

export enum ComplaintErrorCode {
  ComplaintNotFound = 'complaints.complaint-not-found',
  PatientNotFound = 'complaints.patient-not-found',
  TaskNotFound = 'complaints.task-not-found',
  AlreadyResolved = 'complaints.already-resolved',
  UnknownDepartment = 'complaints.unknown-department',
  InvalidRouting = 'complaints.invalid-routing',
  OrganisationRequired = 'complaints.organisation-required',
  OrganisationNotFound = 'complaints.organisation-not-found',
}

const PROBLEMS: ProblemCatalogue<ComplaintErrorCode> = {
  [ComplaintErrorCode.ComplaintNotFound]: { status: 404, title: 'Feedback case not found' },
  [ComplaintErrorCode.PatientNotFound]: { status: 404, title: 'Patient not found' },
  [ComplaintErrorCode.TaskNotFound]: { status: 404, title: 'Task not found for this patient' },
  [ComplaintErrorCode.AlreadyResolved]: { status: 409, title: 'The case is already resolved' },
  [ComplaintErrorCode.UnknownDepartment]: { status: 422, title: 'No such department in the routing table' },
  [ComplaintErrorCode.InvalidRouting]: { status: 422, title: 'The routing table is inconsistent' },
  [ComplaintErrorCode.OrganisationRequired]: { status: 422, title: 'Name the organisation (you belong to several)' },
  [ComplaintErrorCode.OrganisationNotFound]: { status: 404, title: 'Organisation not found' },
};

export class ComplaintError extends DomainError<ComplaintErrorCode> {
  constructor(code: ComplaintErrorCode, message: string) {
    super(code, message, PROBLEMS);
  }
}
