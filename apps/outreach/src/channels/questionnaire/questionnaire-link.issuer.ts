import type { QuestionnaireDefinition } from './questionnaire-catalogue';
import type { QuestionnaireLinkSigner } from './questionnaire-link';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface QuestionnaireLinkRequest {
  readonly taskId: string;
  readonly orgId: string;
  readonly patientEnterpriseId: string;
  readonly questionnaire: Pick<QuestionnaireDefinition, 'id' | 'version'>;
}

/** Mints the links sent by SMS, WeChat or WeCom: `<public base>/q/<token>`, valid for a configured time. */
export class QuestionnaireLinkIssuer {
  constructor(
    private readonly signer: QuestionnaireLinkSigner,
    private readonly publicBaseUrl: string,
    private readonly validForMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(request: QuestionnaireLinkRequest): { url: string; expiresAt: Date } {
    if (!UUID.test(request.taskId)) throw new Error('questionnaire links need the task id (a UUID)');
    const expiresAt = new Date(this.now() + this.validForMs);
    const token = this.signer.sign({
      taskId: request.taskId,
      orgId: request.orgId,
      patientEnterpriseId: request.patientEnterpriseId,
      questionnaireId: request.questionnaire.id,
      questionnaireVersion: request.questionnaire.version,
      expiresAt: Math.floor(expiresAt.getTime() / 1000),
    });
    return { url: new URL(`q/${token}`, this.publicBaseUrl.replace(/\/?$/, '/')).toString(), expiresAt };
  }
}
