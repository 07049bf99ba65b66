import { formatOffsetDateTime, newEvent } from '@revisit/domain';
import type { Outbox } from '@revisit/messaging';
import { v7 as uuidv7 } from 'uuid';
import type { DataSource } from 'typeorm';
import type { QuestionnaireCatalogue, QuestionnaireDefinition } from './questionnaire-catalogue';
import type { QuestionnaireLinkClaims, QuestionnaireLinkSigner } from './questionnaire-link';
import { QuestionnaireError, QuestionnaireErrorCode } from './questionnaire.errors';
import { parseSurveyAnswers } from './survey-answers';

export interface OpenedQuestionnaire {
  readonly claims: QuestionnaireLinkClaims;
  readonly definition: QuestionnaireDefinition;
}

/**
 * Opens questionnaire links and records their answers: a valid submission stores the response (keyed by
 * the link, so a link answers once) and enqueues `survey-response-recorded.v1` in the same transaction.
 */
export class RecordQuestionnaireResponse {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Pick<Outbox, 'enqueue'>,
    private readonly signer: QuestionnaireLinkSigner,
    private readonly catalogue: QuestionnaireCatalogue,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The questionnaire a link opens, refusing tampered, expired and already answered links. */
  async open(token: string): Promise<OpenedQuestionnaire> {
    const opened = this.verify(token);
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM outreach.questionnaire_response WHERE link_id = $1',
      [opened.claims.linkId],
    );
    if (rows.length > 0) throw new QuestionnaireError(QuestionnaireErrorCode.LinkUsed, 'Already answered.');
    return opened;
  }

  async submit(token: string, rawAnswers: Readonly<Record<string, unknown>>): Promise<{ responseId: string }> {
    const { claims, definition } = this.verify(token);
    const answers = parseSurveyAnswers(definition, rawAnswers);
    const respondedAt = this.now();
    const responseId = uuidv7();
    await this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO outreach.questionnaire_response
           (link_id, response_id, org_id, task_id, questionnaire_id, questionnaire_version, responded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (link_id) DO NOTHING
         RETURNING response_id`,
        [claims.linkId, responseId, claims.orgId, claims.taskId, definition.id, definition.version, respondedAt],
      );
      if (inserted.length === 0) throw new QuestionnaireError(QuestionnaireErrorCode.LinkUsed, 'Already answered.');
      const event = newEvent('revisit.outreach.survey-response-recorded.v1', {
        source: 'revisit/outreach',
        subject: claims.patientEnterpriseId,
        orgid: claims.orgId,
        time: respondedAt,
        data: {
          responseId,
          taskId: claims.taskId,
          patientEnterpriseId: claims.patientEnterpriseId,
          orgId: claims.orgId,
          surveyId: definition.id,
          surveyVersion: definition.version,
          channel: 'questionnaire',
          ...answers,
          answers: {},
          respondedAt: formatOffsetDateTime(respondedAt),
        },
      });
      await this.outbox.enqueue(manager, event);
    });
    return { responseId };
  }

  private verify(token: string): OpenedQuestionnaire {
    const claims = this.signer.verify(token, this.now().getTime());
    const definition = this.catalogue.find(claims.questionnaireId, claims.questionnaireVersion);
    if (definition === undefined) {
      throw new QuestionnaireError(QuestionnaireErrorCode.UnknownQuestionnaire, 'Questionnaire not found.');
    }
    return { claims, definition };
  }
}
