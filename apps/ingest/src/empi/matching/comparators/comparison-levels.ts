/**
 * The comparison vector: one agreement level per field, 0 = strongest agreement. The field list is fixed
 * for every source format: a field a format lacks is simply MISSING and carries no evidence, so one
 * configuration serves FEBRL, our CSV and later HL7/FHIR feeds while EM learns the weights per data set.
 */
export const MISSING = 7;

export const COMPARISON_FIELDS = [
  { name: 'surname', levels: ['exact', 'homophone', 'close', 'similar', 'different'] },
  { name: 'given', levels: ['exact', 'homophone', 'close', 'similar', 'different'] },
  { name: 'birthDate', levels: ['exact', 'dayMonthSwap', 'oneEdit', 'twoPartsAgree', 'different'] },
  { name: 'sex', levels: ['same', 'different'] },
  { name: 'idNumber', levels: ['exact', 'oneEdit', 'different'] },
  { name: 'mobile', levels: ['exact', 'oneEdit', 'different'] },
  { name: 'streetNumber', levels: ['exact', 'different'] },
  { name: 'street', levels: ['exact', 'close', 'similar', 'different'] },
  { name: 'addressLine2', levels: ['exact', 'close', 'different'] },
  { name: 'locality', levels: ['postcodeAndSuburb', 'postcodeOrSuburb', 'near', 'stateOnly', 'different'] },
  { name: 'addressText', levels: ['exact', 'close', 'similar', 'different'] },
] as const satisfies readonly { name: string; levels: readonly string[] }[];

export type ComparisonFieldName = (typeof COMPARISON_FIELDS)[number]['name'];
export const FIELD_COUNT = COMPARISON_FIELDS.length;
export const FIELD_INDEX = Object.fromEntries(COMPARISON_FIELDS.map((field, i) => [field.name, i])) as Record<
  ComparisonFieldName,
  number
>;

/** Fields that describe the person rather than the household (see `identityWeight`). */
export const IDENTITY_FIELDS: readonly number[] = (['surname', 'given', 'birthDate', 'sex', 'idNumber'] as const).map(
  (name) => FIELD_INDEX[name],
);
