export { randomInt, seededRandom } from './seeded-random';
export {
  CHINESE_ROW_COLUMNS,
  type ChinesePopulation,
  type ChinesePopulationOptions,
  type ChineseRow,
  generateChinesePopulation,
} from './population/chinese-population';
export { toRevisitCsv } from './population/chinese-population-csv';
export {
  type GeneratedFile,
  type GeneratedSample,
  generateSample,
  type GenerateSampleOptions,
  MAX_MONTHS,
  MAX_PATIENT_MONTHS,
  MAX_PATIENTS,
  SampleOptionsError,
  type SampleSummary,
} from './sample/generate-sample';
export { type GroundTruthMessage } from './sample/ground-truth';
export { todayInShanghai, formatDate } from './sample/clock';
export { ORGANISATIONS, SOURCES, type SampleOrganisation, type SampleSource } from './sample/organisations';
export { type SampleEventType } from './history/feed-item';
