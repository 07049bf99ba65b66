import { assertPart, shareOf } from './input-checks';
import { MetricError, MetricErrorCode } from './metrics.errors';
import { type MetricDefinition } from './metric-definition';

function assertScores(scores: readonly number[], min: number, max: number): void {
  scores.forEach((score, index) => {
    if (!Number.isInteger(score) || score < min || score > max) {
      throw new MetricError(MetricErrorCode.InvalidScore, `scores[${index}] must be an integer from ${min} to ${max}`);
    }
  });
}

export interface NpsResult {
  /** Promoters % − detractors %, in percentage points from −100 to 100; null without answers. */
  readonly score: number | null;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
}

/** Net promoter score from 0-10 answers: promoters 9-10, passives 7-8, detractors 0-6. */
export function netPromoterScore(scores: readonly number[]): NpsResult {
  assertScores(scores, 0, 10);
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  const passives = scores.length - promoters - detractors;
  const score = scores.length === 0 ? null : ((promoters - detractors) * 100) / scores.length;
  return { score, promoters, passives, detractors };
}

/** CSAT from 1-5 answers: share of 4 (satisfied) and 5 (very satisfied). */
export function customerSatisfaction(scores: readonly number[]): number | null {
  assertScores(scores, 1, 5);
  return shareOf(scores.filter((s) => s >= 4).length, scores.length);
}

/** Surveys answered ÷ surveys sent; a survey answered twice counts once, upstream keys answers by survey. */
export function surveyResponseRate(surveysSent: number, surveysAnswered: number): number | null {
  assertPart(surveysAnswered, surveysSent, 'surveysAnswered', 'surveysSent');
  return shareOf(surveysAnswered, surveysSent);
}

export const NET_PROMOTER_SCORE: MetricDefinition = {
  id: 'net-promoter-score',
  name: { 'zh-CN': '净推荐值 (NPS)', en: 'Net promoter score (NPS)' },
  definition: {
    'zh-CN': '0-10 分问卷：推荐者（9-10 分）占比 − 贬损者（0-6 分）占比，以百分点表示，范围 −100 到 100。',
    en: '0-10 survey: share of promoters (9-10) − share of detractors (0-6), in percentage points, from −100 to 100.',
  },
  unit: 'percentage-points',
};

export const CUSTOMER_SATISFACTION: MetricDefinition = {
  id: 'customer-satisfaction',
  name: { 'zh-CN': '满意度 (CSAT)', en: 'Customer satisfaction (CSAT)' },
  definition: {
    'zh-CN': '1-5 分问卷中给出 4 分（满意）或 5 分（非常满意）的答卷占比。',
    en: 'Share of 1-5 survey answers that are 4 (satisfied) or 5 (very satisfied).',
  },
  unit: 'ratio',
};

export const SURVEY_RESPONSE_RATE: MetricDefinition = {
  id: 'survey-response-rate',
  name: { 'zh-CN': '问卷回复率', en: 'Survey response rate' },
  definition: {
    'zh-CN': '已回复的问卷数 ÷ 已发送的问卷数；同一问卷多次作答算一次。',
    en: 'Surveys answered ÷ surveys sent; a survey answered more than once counts once.',
  },
  unit: 'ratio',
};
