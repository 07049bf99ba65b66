import { QuestionnaireLinkSigner } from './questionnaire-link';
import { QuestionnaireErrorCode } from './questionnaire.errors';
import { pickSurveyLocale } from './survey-locale';

describe('questionnaire links', () => {
  const key = 'k'.repeat(32);
  const now = 1_795_000_000_000;
  const claims = {
    taskId: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
    orgId: 'org-1',
    patientEnterpriseId: 'EP1',
    questionnaireId: 'post-visit-satisfaction',
    questionnaireVersion: 1,
    expiresAt: now / 1000 + 60,
  };
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
      return 'accepted';
    } catch (error) {
      return (error as { code?: string }).code;
    }
  };

  it('verifies its own tokens, also after the key was rotated, and refuses other keys, edits and expiry', () => {
    const token = new QuestionnaireLinkSigner(key).sign(claims);
    expect(new QuestionnaireLinkSigner(key).verify(token, now)).toMatchObject(claims);
    expect(new QuestionnaireLinkSigner('n'.repeat(32), [key]).verify(token, now).taskId).toBe(claims.taskId);
    expect(codeOf(() => new QuestionnaireLinkSigner('x'.repeat(32)).verify(token, now))).toBe(
      QuestionnaireErrorCode.LinkInvalid,
    );
    const [body, mac] = token.split('.') as [string, string];
    const edited = Buffer.from(Buffer.from(body, 'base64url').toString().replace('EP1', 'EP2')).toString('base64url');
    expect(codeOf(() => new QuestionnaireLinkSigner(key).verify(`${edited}.${mac}`, now))).toBe(
      QuestionnaireErrorCode.LinkInvalid,
    );
    expect(codeOf(() => new QuestionnaireLinkSigner(key).verify(token, now + 61_000))).toBe(
      QuestionnaireErrorCode.LinkExpired,
    );
  });

  it('picks the page language from ?lang, then Accept-Language q-values, else Chinese', () => {
    expect(pickSurveyLocale('en', 'zh-CN')).toBe('en');
    expect(pickSurveyLocale(undefined, 'en-US,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(pickSurveyLocale(undefined, 'zh-TW;q=0.9,en;q=0.5')).toBe('zh-CN');
    expect(pickSurveyLocale(undefined, 'fr-FR')).toBe('zh-CN');
    expect(pickSurveyLocale(undefined, undefined)).toBe('zh-CN');
  });
});
