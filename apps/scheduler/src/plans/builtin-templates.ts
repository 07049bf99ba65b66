import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePlan } from './plan-parser';
import { type PlanDocument } from './plan.types';

/** Ids of the built-in templates; fixed, other services and administrators refer to them. */
export const BUILTIN_TEMPLATE_IDS = [
  'pharmacy-chronic',
  'dental-aftercare',
  'tcm-phone-follow-up',
  'appointment-reminder',
  'hospital-discharge',
  'birthday-greeting',
  'spring-festival-campaign',
] as const;
export type BuiltinTemplateId = (typeof BUILTIN_TEMPLATE_IDS)[number];

const TEMPLATE_DIR = path.join(__dirname, 'templates');

export function isBuiltinTemplateId(id: string): id is BuiltinTemplateId {
  return (BUILTIN_TEMPLATE_IDS as readonly string[]).includes(id);
}

export function builtinTemplatePath(id: BuiltinTemplateId): string {
  return path.join(TEMPLATE_DIR, `${id}.yaml`);
}

/** Loads and validates a built-in template (they ship as YAML assets next to this file). */
export function loadBuiltinTemplate(id: BuiltinTemplateId): PlanDocument {
  const file = builtinTemplatePath(id);
  return parsePlan(readFileSync(file, 'utf8'), `${id}.yaml`);
}

export function loadBuiltinTemplates(): PlanDocument[] {
  return BUILTIN_TEMPLATE_IDS.map((id) => loadBuiltinTemplate(id));
}
