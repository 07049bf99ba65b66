import { type FieldProblem, RequestValidationError } from '@revisit/platform';
import type { QuestionnaireDefinition } from './questionnaire-catalogue';

export interface SurveyAnswers {
  readonly csat?: number;
  readonly nps?: number;
  readonly freeText?: string;
}

const FREE_TEXT_MAX = 2000;

/**
 * Reads answers from the JSON API (numbers) or the HTML form (strings), checked against the questionnaire:
 * CSAT an integer 1-5, NPS 0-10, free text at most 2000 characters. Unknown fields are refused.
 */
export function parseSurveyAnswers(
  definition: QuestionnaireDefinition,
  raw: Readonly<Record<string, unknown>>,
): SurveyAnswers {
  const problems: FieldProblem[] = [];
  const allowed = new Set(['csat', ...(definition.nps ? ['nps'] : []), ...(definition.freeText ? ['freeText'] : [])]);
  for (const key of Object.keys(raw))
    if (!allowed.has(key)) problems.push({ field: `/${key}`, message: 'is not allowed' });
  const csat = score(raw['csat'], 1, 5, definition.csat.required, '/csat', problems);
  const nps = definition.nps ? score(raw['nps'], 0, 10, definition.nps.required, '/nps', problems) : undefined;
  let freeText: string | undefined;
  const text = raw['freeText'];
  if (text !== undefined && text !== '') {
    if (typeof text !== 'string') problems.push({ field: '/freeText', message: 'must be text' });
    else if ([...text].length > FREE_TEXT_MAX)
      problems.push({ field: '/freeText', message: `must be at most ${FREE_TEXT_MAX} characters` });
    else freeText = text.trim() === '' ? undefined : text.trim();
  }
  if (problems.length > 0) throw new RequestValidationError(problems);
  return {
    ...(csat === undefined ? {} : { csat }),
    ...(nps === undefined ? {} : { nps }),
    ...(freeText === undefined ? {} : { freeText }),
  };
}

function score(
  value: unknown,
  min: number,
  max: number,
  required: boolean,
  field: string,
  problems: FieldProblem[],
): number | undefined {
  if (value === undefined || value === '') {
    if (required) problems.push({ field, message: 'is required' });
    return undefined;
  }
  const number = typeof value === 'string' && /^\d{1,2}$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
    problems.push({ field, message: `must be an integer from ${min} to ${max}` });
    return undefined;
  }
  return number;
}
