import { FEEDBACK_KINDS } from '@revisit/domain';
import { Type } from '@sinclair/typebox';
import { FEEDBACK_SOURCES, SEVERITIES } from './complaint-routing';

const Code = Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\s]+$' });
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const COMPLAINT_STATUSES = ['open', 'escalated', 'resolved'] as const;
export const RESOLUTIONS = ['resolved', 'withdrawn', 'unfounded', 'acknowledged'] as const;

export const ComplaintIdParam = Type.String({ format: 'uuid' });

export const OpenComplaintBody = Type.Object(
  {
    patientId: Code,
    taskId: Type.Optional(Type.String({ format: 'uuid' })),
    kind: literals(FEEDBACK_KINDS),
    text: Type.String({ minLength: 1, maxLength: 4000 }),
    source: Type.Optional(literals(FEEDBACK_SOURCES)),
    severity: Type.Optional(literals(SEVERITIES)),
    categoryCode: Type.Optional(Code),
    orgId: Type.Optional(Code),
  },
  { additionalProperties: false },
);

export const ComplaintListQuery = Type.Object(
  {
    status: Type.Optional(literals(COMPLAINT_STATUSES)),
    department: Type.Optional(Code),
    kind: Type.Optional(literals(FEEDBACK_KINDS)),
    breached: Type.Optional(literals(['true', 'false'])),
    limit: Type.Optional(Type.String({ pattern: '^(?:[1-9][0-9]?|1[0-9][0-9]|200)$' })),
  },
  { additionalProperties: false },
);

export const AssignComplaintBody = Type.Object(
  { assigneeStaffId: Code, departmentCode: Type.Optional(Code) },
  { additionalProperties: false },
);

export const ResolveComplaintBody = Type.Object(
  {
    /** What was done and told to the patient. */
    resolution: Type.String({ minLength: 1, maxLength: 4000 }),
    /** Defaults to `acknowledged` for praise and suggestions, `resolved` otherwise. */
    outcome: Type.Optional(literals(RESOLUTIONS)),
  },
  { additionalProperties: false },
);

export const RoutingQuery = Type.Object({ orgId: Type.Optional(Code) }, { additionalProperties: false });
