import { type Static } from '@sinclair/typebox';
import { StringEnum } from '../schema-kit';

export const VisitTypeSchema = StringEnum(['first', 'return'], {
  description: "`first` (初诊): the patient's first visit for this problem; `return` (复诊): a follow-up visit.",
});
export type VisitType = Static<typeof VisitTypeSchema>;

export const EncounterClassSchema = StringEnum(['inpatient', 'outpatient', 'emergency'], {
  description: 'Encounter class: inpatient (住院), outpatient (门诊), emergency (急诊).',
});
export type EncounterClass = Static<typeof EncounterClassSchema>;
