/** Text in both languages the dashboard offers. */
export interface LocalisedText {
  readonly 'zh-CN': string;
  readonly en: string;
}

export type MetricUnit =
  | 'ratio'
  | 'percentage-points'
  | 'days'
  | 'hours'
  | 'money-minor-units'
  | 'count'
  /** Points out of 100, e.g. a call-audit checklist score. */
  | 'score';

/** What the dashboard shows next to a figure so a reader knows exactly how it was computed. */
export interface MetricDefinition {
  readonly id: string;
  readonly name: LocalisedText;
  readonly definition: LocalisedText;
  readonly unit: MetricUnit;
}
