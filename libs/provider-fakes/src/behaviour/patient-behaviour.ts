import type { RobotScenario } from '../fake-voice-robot.server';
import { pickWeighted, seededDraw } from './seeded-draw';

type RobotOutcome = RobotScenario['outcome'];

/**
 * How a simulated population reacts to follow-up. The defaults are in the range Chinese hospitals report for
 * robot follow-up after discharge (about two calls in three reached, satisfaction mostly 4-5 with a tail of
 * unhappy patients); they are demo figures, not measurements.
 */
export interface BehaviourRates {
  /** Weights of a robot call's outcome. */
  readonly robotOutcomes: Readonly<Record<RobotOutcome, number>>;
  /** Weights of CSAT 1..5 given by a reached patient. */
  readonly satisfaction: readonly [number, number, number, number, number];
  /** Share of reached patients who also give a likelihood-to-recommend (NPS, 0-10). */
  readonly npsAnswered: number;
  /** Share of reached patients who refuse further follow-up (an intent that overrides "answered"). */
  readonly refusesFollowUp: number;
  /** Share of SMS delivered to the handset (the rest: switched off, number out of service). */
  readonly smsDelivered: number;
  /** Share of questionnaire links texted to a patient that come back filled in. */
  readonly questionnaireReplied: number;
  /** Share of dissatisfied (CSAT <= 2) reached patients who complain. */
  readonly complainsWhenDissatisfied: number;
}

export const DEMO_BEHAVIOUR_RATES: BehaviourRates = {
  robotOutcomes: {
    completed: 0.6,
    partial: 0.05,
    'no-answer': 0.2,
    busy: 0.07,
    unreachable: 0.05,
    'wrong-number': 0.02,
    'line-fault': 0.01,
  },
  satisfaction: [0.03, 0.04, 0.1, 0.28, 0.55],
  npsAnswered: 0.7,
  refusesFollowUp: 0.02,
  smsDelivered: 0.96,
  questionnaireReplied: 0.35,
  complainsWhenDissatisfied: 0.4,
};

export interface QuestionnaireReply {
  readonly csat: number;
  readonly nps?: number;
  readonly freeText?: string;
}

const COMPLAINTS = [
  '复诊预约排队太久，电话一直打不进去。',
  '出院带药说明没讲清楚，不知道怎么吃。',
  '护士态度不好，换药时很不耐烦。',
  '收费单上有一项检查我没做过。',
] as const;

const PRAISE = ['医生很负责，谢谢！', '回访很及时，恢复得不错。', '药房取药很快。'] as const;

/**
 * Seeded simulated patients: each question (how does this callee answer this call, is this SMS delivered, is
 * this questionnaire returned) gets the same answer for the same seed, whatever the order of asking.
 */
export class PatientBehaviour {
  constructor(
    readonly seed: number,
    private readonly rates: BehaviourRates = DEMO_BEHAVIOUR_RATES,
  ) {}

  /** What the voice robot hears when it calls `callee` for the call `callRef`. */
  robotCall(callee: string, callRef: string): RobotScenario {
    const outcome = pickWeighted(
      seededDraw(this.seed, 'robot-outcome', callee, callRef),
      Object.entries(this.rates.robotOutcomes) as Array<[RobotOutcome, number]>,
    );
    if (outcome !== 'completed' && outcome !== 'partial') return { outcome };
    if (seededDraw(this.seed, 'robot-refuses', callee, callRef) < this.rates.refusesFollowUp) {
      return { outcome, answers: {}, intents: ['refuses-follow-up'], freeText: '以后不要再打电话了。' };
    }
    const satisfaction = this.satisfaction('robot', callee, callRef);
    const answers: Record<string, number | boolean> = {
      satisfaction,
      'takes-medication-as-prescribed': seededDraw(this.seed, 'robot-adherence', callee, callRef) < 0.85,
    };
    // A patient who hangs up early gives the first question only.
    if (outcome === 'completed' && seededDraw(this.seed, 'robot-nps', callee, callRef) < this.rates.npsAnswered) {
      answers['nps'] = this.nps(satisfaction, 'robot', callee, callRef);
    }
    const freeText = this.remark(satisfaction, 'robot', callee, callRef);
    return { outcome, answers, ...(freeText === undefined ? {} : { freeText }) };
  }

  smsDelivered(phoneNumber: string, messageId: string): boolean {
    return seededDraw(this.seed, 'sms', phoneNumber, messageId) < this.rates.smsDelivered;
  }

  /** The filled-in questionnaire behind a link (by its token or id), or undefined when it is never opened. */
  questionnaireReply(linkKey: string): QuestionnaireReply | undefined {
    if (seededDraw(this.seed, 'questionnaire', linkKey) >= this.rates.questionnaireReplied) return undefined;
    const csat = this.satisfaction('questionnaire', linkKey);
    const withNps = seededDraw(this.seed, 'questionnaire-nps', linkKey) < this.rates.npsAnswered;
    const freeText = this.remark(csat, 'questionnaire', linkKey);
    return {
      csat,
      ...(withNps ? { nps: this.nps(csat, 'questionnaire', linkKey) } : {}),
      ...(freeText === undefined ? {} : { freeText }),
    };
  }

  /** The complaint a patient files after a contact with this CSAT, or undefined. */
  complaint(satisfaction: number, ...key: readonly string[]): string | undefined {
    if (satisfaction > 2) return undefined;
    if (seededDraw(this.seed, 'complains', ...key) >= this.rates.complainsWhenDissatisfied) return undefined;
    return COMPLAINTS[Math.floor(seededDraw(this.seed, 'complaint-text', ...key) * COMPLAINTS.length)];
  }

  private satisfaction(...key: readonly string[]): number {
    return pickWeighted(
      seededDraw(this.seed, 'csat', ...key),
      this.rates.satisfaction.map((weight, index) => [index + 1, weight] as const),
    );
  }

  /** NPS follows CSAT loosely: satisfied patients mostly promote, unhappy ones detract. */
  private nps(satisfaction: number, ...key: readonly string[]): number {
    const spread = Math.floor(seededDraw(this.seed, 'nps', ...key) * 3) - 1;
    const centre = [1, 3, 6, 8, 9][satisfaction - 1] ?? 7;
    return Math.max(0, Math.min(10, centre + spread));
  }

  private remark(satisfaction: number, ...key: readonly string[]): string | undefined {
    const complaint = this.complaint(satisfaction, ...key);
    if (complaint !== undefined) return complaint;
    if (satisfaction < 5 || seededDraw(this.seed, 'praise', ...key) >= 0.15) return undefined;
    return PRAISE[Math.floor(seededDraw(this.seed, 'praise-text', ...key) * PRAISE.length)];
  }
}
