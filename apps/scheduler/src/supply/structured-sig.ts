/** A coded dosing instruction: `count` doses of `dose` every `period` `periodUnit`. */
export interface StructuredDose {
  readonly doseValue: number;
  readonly doseUnit: string;
  readonly count: number;
  readonly period: number;
  readonly periodUnit: 'h' | 'd' | 'wk';
  readonly asNeeded?: boolean;
}

/**
 * Writes a coded dose as the sig text the parser reads, so coded and free-text instructions go
 * through one days-of-supply calculator (and an as-needed dose is flagged the same way).
 */
export function sigTextFromStructured(dose: StructuredDose): string {
  const amount = `每次${dose.doseValue}${dose.doseUnit}`;
  const prn = dose.asNeeded ? ' prn' : '';
  switch (dose.periodUnit) {
    case 'd':
      return `每日${dose.count / dose.period}次 ${amount}${prn}`;
    case 'h':
      return `每${dose.period / dose.count}小时1次 ${amount}${prn}`;
    case 'wk':
      return `每周${dose.count / dose.period}次 ${amount}${prn}`;
  }
}
