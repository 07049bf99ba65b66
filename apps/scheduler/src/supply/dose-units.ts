/** Canonical units a sig or a dispensed quantity can be expressed in. */
export type DoseUnit =
  | 'tablet'
  | 'capsule'
  | 'pill'
  | 'sachet'
  | 'ml'
  | 'mg'
  | 'g'
  | 'puff'
  | 'patch'
  | 'ampoule'
  | 'drop'
  | 'herbal-dose'
  | 'box'
  | 'blister'
  | 'bottle'
  | 'pack';

// Longest spellings first so "tablets" is not read as "tab" + "lets".
const SPELLINGS: ReadonlyArray<readonly [string, DoseUnit]> = [
  ['tablets', 'tablet'],
  ['tablet', 'tablet'],
  ['tabs', 'tablet'],
  ['tab', 'tablet'],
  ['片', 'tablet'],
  ['capsules', 'capsule'],
  ['capsule', 'capsule'],
  ['caps', 'capsule'],
  ['cap', 'capsule'],
  ['粒', 'capsule'],
  ['pills', 'pill'],
  ['pill', 'pill'],
  ['丸', 'pill'],
  ['sachets', 'sachet'],
  ['sachet', 'sachet'],
  ['袋', 'sachet'],
  ['包', 'sachet'],
  ['毫升', 'ml'],
  ['ml', 'ml'],
  ['毫克', 'mg'],
  ['mg', 'mg'],
  ['克', 'g'],
  ['g', 'g'],
  ['puffs', 'puff'],
  ['puff', 'puff'],
  ['喷', 'puff'],
  ['揿', 'puff'],
  ['patches', 'patch'],
  ['patch', 'patch'],
  ['贴', 'patch'],
  ['支', 'ampoule'],
  ['drops', 'drop'],
  ['drop', 'drop'],
  ['滴', 'drop'],
  ['剂', 'herbal-dose'],
  ['付', 'herbal-dose'],
  ['副', 'herbal-dose'],
  ['盒', 'box'],
  ['box', 'box'],
  ['boxes', 'box'],
  ['板', 'blister'],
  ['blister', 'blister'],
  ['瓶', 'bottle'],
  ['bottle', 'bottle'],
  ['pack', 'pack'],
  ['packs', 'pack'],
];

export const UNIT_SPELLING_PATTERN = SPELLINGS.map(([spelling]) => spelling).join('|');

export function doseUnitOf(text: string | undefined): DoseUnit | undefined {
  if (text === undefined) return undefined;
  const normalised = text.trim().toLowerCase();
  return SPELLINGS.find(([spelling]) => spelling === normalised)?.[1];
}
