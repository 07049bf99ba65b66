import { Body, Controller, Inject, Optional, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, parseRequest, type Principal, Roles } from '@revisit/platform';
import { Type } from '@sinclair/typebox';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DocumentedBody } from '../../api-docs/typebox-openapi';
import { type OutreachConfig } from '../../config/outreach.config';
import { OUTREACH_CONFIG } from '../../config/outreach-config.token';
import { ContactPreferenceRepository } from '../../contact/contact-preference.repository';
import { type ContactRuleSettings, judgeContact } from '../../contact/contact-rules';
import { CONTACT_RULES, SMS_CHANNEL } from '../../escalation/escalation.tokens';
import { purposeLabel } from '../../escalation/next-call-slot';
import { patientMobile } from '../../escalation/patient-mobile';
import { SmsSendLedger } from '../../escalation/sms-send-ledger';
import { recordViews } from '../../security/audit-log';
import { orgScope } from '../../security/org-scope';
import { OutreachTaskRepository } from '../../tasks/outreach-task.repository';
import { TaskIdParam } from '../../worklist/worklist.schemas';
import { WorklistError, WorklistErrorCode } from '../../worklist/worklist.errors';
import { type SmsChannel, SmsChannelError } from '../sms';
import { QuestionnaireCatalogue } from './questionnaire-catalogue';
import { QuestionnaireLinkIssuer } from './questionnaire-link.issuer';
import { QuestionnaireLinkError, QuestionnaireLinkErrorCode } from './questionnaire-links.errors';

const LinkRequest = Type.Object(
  {
    questionnaireId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' })),
    questionnaireVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
    /** Also text the link to the patient's mobile; without it the agent reads or pastes it themselves. */
    send: Type.Optional(Type.Literal('sms')),
  },
  { additionalProperties: false },
);

/** Agents issue the signed, expiring survey link of a task, and may have it texted to the patient. Audited. */
@ApiTags('questionnaire')
@ApiBearerAuth()
@Controller('v1/tasks')
export class QuestionnaireLinksController {
  private readonly ledger: SmsSendLedger | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(CONTACT_RULES) private readonly rules: ContactRuleSettings,
    @Inject(OUTREACH_CONFIG) private readonly config: OutreachConfig,
    @Inject(SMS_CHANNEL) sms: SmsChannel | null,
    @Optional() private readonly issuer?: QuestionnaireLinkIssuer,
    @Optional() private readonly catalogue?: QuestionnaireCatalogue,
  ) {
    this.ledger = sms === null ? undefined : new SmsSendLedger(dataSource, sms);
  }

  @Post(':taskId/questionnaire-links')
  @Roles('agent', 'supervisor')
  @DocumentedBody(LinkRequest)
  async issue(@CurrentPrincipal() principal: Principal, @Param('taskId') taskId: string, @Body() body: unknown) {
    parseRequest(TaskIdParam, taskId);
    const request = parseRequest(LinkRequest, body ?? {});
    if (!this.issuer || !this.catalogue) {
      throw new QuestionnaireLinkError(QuestionnaireLinkErrorCode.LinksOff, 'questionnaire links are off');
    }
    const questionnaire = this.catalogue.find(
      request.questionnaireId ?? 'post-visit-satisfaction',
      request.questionnaireVersion ?? 1,
    );
    if (!questionnaire) {
      throw new QuestionnaireLinkError(QuestionnaireLinkErrorCode.UnknownQuestionnaire, 'no such questionnaire');
    }
    const issuer = this.issuer;
    return this.dataSource.transaction(async (manager) => {
      const task = await new OutreachTaskRepository(manager).find(taskId, orgScope(principal));
      if (!task) throw new WorklistError(WorklistErrorCode.TaskNotFound, 'no such task');
      if (task.status === 'cancelled') {
        throw new QuestionnaireLinkError(QuestionnaireLinkErrorCode.TaskCancelled, 'the task was cancelled');
      }
      const { url, expiresAt } = issuer.issue({
        taskId: task.id,
        orgId: task.orgId,
        patientEnterpriseId: task.patientId,
        questionnaire,
      });
      await recordViews(manager, principal, [
        { orgId: task.orgId, patientId: task.patientId, taskId: task.id, action: 'questionnaire.link-issued' },
      ]);
      const link = { taskId: task.id, questionnaireId: questionnaire.id, questionnaireVersion: questionnaire.version };
      if (request.send !== 'sms') return { ...link, url, expiresAt: expiresAt.toISOString() };

      if (!this.ledger) throw new QuestionnaireLinkError(QuestionnaireLinkErrorCode.SmsOff, 'no SMS provider');
      const to = await patientMobile(manager, task.orgId, task.patientId);
      if (!to) throw new QuestionnaireLinkError(QuestionnaireLinkErrorCode.NoMobile, 'no mobile number on file');
      const preferences = new ContactPreferenceRepository(manager);
      const now = new Date();
      const verdict = judgeContact(
        await preferences.get(task.orgId, task.patientId),
        task.purpose,
        now,
        // A link the patient asked for is part of this contact, not a new one: no frequency cap.
        [],
        this.rules,
      );
      if (verdict.kind !== 'allow') {
        throw new QuestionnaireLinkError(QuestionnaireLinkErrorCode.ContactNotAllowed, `contact: ${verdict.kind}`);
      }
      const sendKey = `questionnaire-link:${task.id}:${randomUUID()}`;
      try {
        const sent = await this.ledger.send(sendKey, {
          to,
          templateCode: this.config.SMS_QUESTIONNAIRE_TEMPLATE,
          params: { purpose: purposeLabel(task.purpose), link: url },
        });
        await this.ledger.settle(manager, sendKey, { status: 'sent', providerMessageId: sent.providerMessageId });
        // The link is in the patient's hands now; the agent does not need to see it.
        return { ...link, expiresAt: expiresAt.toISOString(), sms: { status: 'sent' as const } };
      } catch (error) {
        if (!(error instanceof SmsChannelError)) throw error;
        await this.ledger.settle(manager, sendKey, { status: 'failed' });
        return {
          ...link,
          url,
          expiresAt: expiresAt.toISOString(),
          sms: { status: 'failed' as const, code: error.code },
        };
      }
    });
  }
}
