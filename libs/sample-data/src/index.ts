export { randomInt, seededRandom } from './seeded-random';
export {
  CHINESE_ROW_COLUMNS,
  type ChinesePopulation,
  type ChinesePopulationOptions,
  type ChineseRow,
  generateChinesePopulation,
} from './population/chinese-population';
export { toRevisitCsv } from './population/chinese-population-csv';
