import { FEEDBACK_KINDS, type FeedbackKind } from '@revisit/domain';
import { type Static, Type } from '@sinclair/typebox';

export const FEEDBACK_SOURCES = ['follow-up-call', 'survey', 'inbound-call', 'walk-in', 'wechat', 'other'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];
export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

const Code = Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\s]+$' });
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

/** An organisation's feedback routing, maintained by its admins: who is responsible, and who is above them. */
export const ComplaintRoutingSchema = Type.Object(
  {
    departments: Type.Array(
      Type.Object(
        {
          code: Code,
          name: Type.String({ minLength: 1, maxLength: 100 }),
          responsibleStaffId: Code,
          superiorCode: Type.Optional(Code),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
    /** Most specific rule wins: kind and source, then kind, then source, then `defaultDepartmentCode`. */
    rules: Type.Array(
      Type.Object(
        {
          kind: Type.Optional(literals(FEEDBACK_KINDS)),
          source: Type.Optional(literals(FEEDBACK_SOURCES)),
          departmentCode: Code,
        },
        { additionalProperties: false },
      ),
      { maxItems: 200 },
    ),
    defaultDepartmentCode: Code,
    /** Hours to resolve, per kind; kinds left out keep the default. */
    slaHours: Type.Optional(
      Type.Object(
        Object.fromEntries(
          FEEDBACK_KINDS.map((kind) => [kind, Type.Optional(Type.Integer({ minimum: 1, maximum: 2160 }))]),
        ),
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ComplaintRouting = Static<typeof ComplaintRoutingSchema>;
export type Department = ComplaintRouting['departments'][number];

/** Complaints first: a patient who complains waits one working day at most; praise only needs acknowledging. */
export const DEFAULT_SLA_HOURS: Readonly<Record<FeedbackKind, number>> = {
  complaint: 24,
  criticism: 48,
  need: 72,
  suggestion: 168,
  praise: 168,
};

/** Until an admin sets one: the service centre answers everything, medical affairs is above it. */
export const DEFAULT_ROUTING: ComplaintRouting = {
  departments: [
    {
      code: 'patient-services',
      name: '客服中心 Patient services',
      responsibleStaffId: 'patient-services',
      superiorCode: 'medical-affairs',
    },
    { code: 'medical-affairs', name: '医务处 Medical affairs', responsibleStaffId: 'medical-affairs' },
  ],
  rules: [],
  defaultDepartmentCode: 'patient-services',
};

/** Department codes a routing refers to but does not define (an empty list means the routing is usable). */
export function undefinedDepartments(routing: ComplaintRouting): string[] {
  const known = new Set(routing.departments.map((d) => d.code));
  const referred = [
    routing.defaultDepartmentCode,
    ...routing.rules.map((rule) => rule.departmentCode),
    ...routing.departments.flatMap((d) => (d.superiorCode === undefined ? [] : [d.superiorCode])),
  ];
  return [...new Set(referred.filter((code) => !known.has(code)))];
}

export function duplicateDepartments(routing: ComplaintRouting): string[] {
  const seen = new Set<string>();
  return routing.departments.map((d) => d.code).filter((code) => (seen.has(code) ? true : (seen.add(code), false)));
}

/** The department responsible for a new case of this kind from this source. */
export function routeFeedback(routing: ComplaintRouting, kind: FeedbackKind, source: FeedbackSource): Department {
  const rule =
    routing.rules.find((r) => r.kind === kind && r.source === source) ??
    routing.rules.find((r) => r.kind === kind && r.source === undefined) ??
    routing.rules.find((r) => r.kind === undefined && r.source === source);
  return departmentOf(routing, rule?.departmentCode ?? routing.defaultDepartmentCode);
}

/** The department a breached case goes to, or undefined at the top of the hierarchy. */
export function superiorOf(routing: ComplaintRouting, departmentCode: string): Department | undefined {
  const code = routing.departments.find((d) => d.code === departmentCode)?.superiorCode;
  return code === undefined ? undefined : departmentOf(routing, code);
}

function departmentOf(routing: ComplaintRouting, code: string): Department {
  const department = routing.departments.find((d) => d.code === code);
  // A stored routing was checked by `undefinedDepartments` before it was saved.
  if (!department) throw new Error(`complaint routing refers to an undefined department ${code}`);
  return department;
}

/** Severity shortens or stretches the kind's deadline: a high-severity complaint is answered in half the time. */
const SEVERITY_FACTOR: Readonly<Record<Severity, number>> = { high: 0.5, medium: 1, low: 1.5 };

export function slaDueAt(routing: ComplaintRouting, kind: FeedbackKind, severity: Severity, openedAt: Date): Date {
  const hours = routing.slaHours?.[kind] ?? DEFAULT_SLA_HOURS[kind];
  return new Date(openedAt.getTime() + Math.round(hours * SEVERITY_FACTOR[severity] * 3600_000));
}
