import { DomainError, type ProblemCatalogue } from '@revisit/platform';

/** Why an agent could not get or send a questionnaire link. Closed: the HTTP edge maps every code. */
export enum QuestionnaireLinkErrorCode {
  /** QUESTIONNAIRE_LINK_SECRET / QUESTIONNAIRE_PUBLIC_BASE_URL are not set on this installation. */
  LinksOff = 'questionnaire-link.off',
  UnknownQuestionnaire = 'questionnaire-link.unknown-questionnaire',
  TaskCancelled = 'questionnaire-link.task-cancelled',
  /** SMS_PROVIDER is `none`. */
  SmsOff = 'questionnaire-link.sms-off',
  NoMobile = 'questionnaire-link.no-mobile',
  /** The patient may not be texted now (quiet hours, do-not-disturb) or at all (consent, stop flags). */
  ContactNotAllowed = 'questionnaire-link.contact-not-allowed',
}

const PROBLEMS: ProblemCatalogue<QuestionnaireLinkErrorCode> = {
  [QuestionnaireLinkErrorCode.LinksOff]: { status: 404, title: 'Questionnaire links are not configured' },
  [QuestionnaireLinkErrorCode.UnknownQuestionnaire]: { status: 404, title: 'Questionnaire not found' },
  [QuestionnaireLinkErrorCode.TaskCancelled]: { status: 409, title: 'The task was cancelled' },
  [QuestionnaireLinkErrorCode.SmsOff]: { status: 409, title: 'No SMS provider is configured' },
  [QuestionnaireLinkErrorCode.NoMobile]: { status: 409, title: 'The patient has no mobile number' },
  [QuestionnaireLinkErrorCode.ContactNotAllowed]: { status: 409, title: 'The patient may not be texted now' },
};

export class QuestionnaireLinkError extends DomainError<QuestionnaireLinkErrorCode> {
  constructor(code: QuestionnaireLinkErrorCode, message: string) {
    super(code, message, PROBLEMS);
  }
}
