import { DomainError, type ProblemCatalogue } from '@revisit/platform';

/** Why a questionnaire link or submission was refused. Closed: the HTTP edge maps every code. */
export enum QuestionnaireErrorCode {
  /** Signature does not match, or the token is not one of ours: tampered or truncated. */
  LinkInvalid = 'questionnaire.link-invalid',
  LinkExpired = 'questionnaire.link-expired',
  /** Answers were already submitted with this link; each link records one response. */
  LinkUsed = 'questionnaire.link-used',
  /** The link names a questionnaire (or version) this service does not have. */
  UnknownQuestionnaire = 'questionnaire.unknown',
}

const QUESTIONNAIRE_PROBLEMS: ProblemCatalogue<QuestionnaireErrorCode> = {
  [QuestionnaireErrorCode.LinkInvalid]: { status: 403, title: 'Questionnaire link is not valid' },
  [QuestionnaireErrorCode.LinkExpired]: { status: 410, title: 'Questionnaire link has expired' },
  [QuestionnaireErrorCode.LinkUsed]: { status: 409, title: 'Questionnaire was already answered' },
  [QuestionnaireErrorCode.UnknownQuestionnaire]: { status: 404, title: 'Questionnaire not found' },
};

export class QuestionnaireError extends DomainError<QuestionnaireErrorCode> {
  constructor(code: QuestionnaireErrorCode, message: string) {
    super(code, message, QUESTIONNAIRE_PROBLEMS);
  }

  get status(): number {
    return QUESTIONNAIRE_PROBLEMS[this.code].status;
  }
}
