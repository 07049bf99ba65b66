import { type DatePeriod, dayNumber, periodDays } from './calendar-day';
import { PDC_ADHERENCE_THRESHOLD, isAdherent } from './follow-up-lift';
import { shareOf } from './input-checks';
import { type MetricDefinition } from './metric-definition';
import { type DispenseFill, proportionOfDaysCovered } from './proportion-of-days-covered';

export interface AdherentShareResult {
  readonly rate: number | null;
  readonly adherent: number;
  /** Fill lists with at least two fills in the period: PQA's denominator. */
  readonly eligible: number;
}

/**
 * PQA's population adherence measure: among patient/drug-class fill lists with at least two fills in the
 * period (one fill says nothing about refilling), the share whose PDC reaches the threshold.
 */
export function adherentShare(
  period: DatePeriod,
  fillLists: readonly (readonly DispenseFill[])[],
  threshold: number = PDC_ADHERENCE_THRESHOLD,
): AdherentShareResult {
  const { start, end } = periodDays(period);
  let eligible = 0;
  let adherent = 0;
  fillLists.forEach((fills, list) => {
    const inPeriod = fills.filter((fill, index) => {
      const day = dayNumber(fill.dispensedOn, `fillLists[${list}][${index}].dispensedOn`);
      return day >= start && day <= end;
    });
    if (inPeriod.length < 2) return;
    eligible += 1;
    const { pdc } = proportionOfDaysCovered(period, inPeriod);
    if (pdc !== null && isAdherent(pdc, threshold)) adherent += 1;
  });
  return { rate: shareOf(adherent, eligible), adherent, eligible };
}

export const ADHERENT_SHARE: MetricDefinition = {
  id: 'adherent-share',
  name: { 'zh-CN': '用药依从患者比例', en: 'Share of adherent patients' },
  definition: {
    'zh-CN': '周期内同一药物类别取药至少 2 次的患者中，PDC ≥ 80% 的比例（PQA 方法）。',
    en: 'Among patients with at least two fills of a drug class in the period, the share whose PDC is 80% or more (PQA method).',
  },
  unit: 'ratio',
};
