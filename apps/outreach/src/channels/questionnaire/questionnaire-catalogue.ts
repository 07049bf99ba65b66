/** Texts in the two languages every patient-facing page offers. */
export interface Bilingual {
  readonly 'zh-CN': string;
  readonly en: string;
}

/**
 * A questionnaire the survey page can show. Its answers map onto `survey-response-recorded.v1`: `csat`
 * (1-5), `nps` (0-10) and `freeText`; the version goes into the event so answers stay tied to the wording.
 */
export interface QuestionnaireDefinition {
  readonly id: string;
  readonly version: number;
  readonly title: Bilingual;
  readonly intro: Bilingual;
  readonly csat: { readonly label: Bilingual; readonly required: boolean };
  readonly nps?: { readonly label: Bilingual; readonly required: boolean };
  readonly freeText?: { readonly label: Bilingual };
}

export const POST_VISIT_SATISFACTION: QuestionnaireDefinition = {
  id: 'post-visit-satisfaction',
  version: 1,
  title: { 'zh-CN': '就诊满意度回访', en: 'How was your visit?' },
  intro: {
    'zh-CN': '感谢您的信任。请花一分钟告诉我们您的就诊感受，您的意见将帮助我们改进服务。',
    en: 'Thank you for visiting us. Please take a minute to tell us how it went; it helps us improve.',
  },
  csat: {
    label: { 'zh-CN': '您对本次就诊的总体满意度', en: 'Overall, how satisfied are you with this visit?' },
    required: true,
  },
  nps: {
    label: {
      'zh-CN': '您有多大可能向亲友推荐我们？（0 = 完全不可能，10 = 非常可能）',
      en: 'How likely are you to recommend us to family or friends? (0 = not at all, 10 = extremely)',
    },
    required: false,
  },
  freeText: { label: { 'zh-CN': '其他意见或建议（选填）', en: 'Anything else you would like to tell us? (optional)' } },
};

/** The questionnaires this service serves, by id and version. */
export class QuestionnaireCatalogue {
  private readonly byKey: ReadonlyMap<string, QuestionnaireDefinition>;

  constructor(definitions: readonly QuestionnaireDefinition[] = [POST_VISIT_SATISFACTION]) {
    this.byKey = new Map(definitions.map((definition) => [`${definition.id}@${definition.version}`, definition]));
  }

  find(id: string, version: number): QuestionnaireDefinition | undefined {
    return this.byKey.get(`${id}@${version}`);
  }
}
