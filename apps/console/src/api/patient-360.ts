/**
 * The patient 360 view of `GET /v1/patients/{patientId}` (apps/outreach), reduced to what the workbench shows.
 * Numbers and identifiers arrive masked for the caller's role; nothing here unmasks them.
 */
import { type FollowUpPurpose } from './outreach-vocabulary';

interface NameWire {
  readonly text: string;
  readonly representation?: string;
}

interface DispensingWire {
  readonly drug: { readonly code: string; readonly name?: string };
  readonly quantity?: { readonly value: number; readonly unit: string };
  readonly sig?: string;
  readonly dispensedAt: string;
  readonly reversal?: { readonly reversedAt: string; readonly fullReversal?: boolean };
}

interface TreatmentWire {
  readonly procedure: { readonly code: string; readonly display?: string };
  readonly performedAt: string;
}

interface FollowUpWire {
  readonly purpose: FollowUpPurpose;
  readonly status: string;
  readonly outcome: string | null;
  readonly dueAt: string;
  readonly closedAt?: string | null;
}

export interface Patient360Wire {
  readonly patientId: string;
  readonly names?: readonly NameWire[];
  readonly sex?: string;
  readonly birthDate?: string;
  readonly phones?: readonly { readonly number: string }[];
  readonly tags?: readonly string[];
  readonly specialDates?: readonly { readonly kind: string; readonly date: string }[];
  readonly recentDispensings?: readonly DispensingWire[];
  readonly recentTreatments?: readonly TreatmentWire[];
  readonly followUps?: readonly FollowUpWire[];
}

export interface PatientEvent {
  readonly at: string;
  readonly description: string;
  /** The dispensing was returned (退药), in whole or in part. */
  readonly reversed?: boolean;
}

export interface PastFollowUp {
  readonly at: string;
  readonly purpose: FollowUpPurpose;
  readonly status: string;
  readonly outcome: string | null;
}

export interface Patient360 {
  readonly patientId: string;
  readonly name: string;
  readonly sex?: string;
  readonly birthDate?: string;
  readonly phone?: string;
  readonly tags: readonly string[];
  readonly specialDates: readonly { readonly kind: string; readonly date: string }[];
  readonly recentDispensings: readonly PatientEvent[];
  readonly recentTreatments: readonly PatientEvent[];
  readonly pastFollowUps: readonly PastFollowUp[];
}

/** Chinese HIS send the ideographic name first as a rule, but not always: prefer it explicitly. */
function displayName(names: readonly NameWire[]): string {
  return (names.find((n) => n.representation === 'ideographic') ?? names[0])?.text ?? '—';
}

const newestFirst = <T extends { at: string }>(items: T[]): T[] => items.sort((a, b) => b.at.localeCompare(a.at));

export function toPatient360(wire: Patient360Wire): Patient360 {
  return {
    patientId: wire.patientId,
    name: displayName(wire.names ?? []),
    ...(wire.sex === undefined ? {} : { sex: wire.sex }),
    ...(wire.birthDate === undefined ? {} : { birthDate: wire.birthDate }),
    ...(wire.phones?.[0] === undefined ? {} : { phone: wire.phones[0].number }),
    tags: wire.tags ?? [],
    specialDates: wire.specialDates ?? [],
    recentDispensings: newestFirst(
      (wire.recentDispensings ?? []).map((d) => ({
        at: d.dispensedAt,
        description: [d.drug.name ?? d.drug.code, d.quantity ? `× ${d.quantity.value} ${d.quantity.unit}` : '', d.sig]
          .filter(Boolean)
          .join(' '),
        ...(d.reversal ? { reversed: true } : {}),
      })),
    ),
    recentTreatments: newestFirst(
      (wire.recentTreatments ?? []).map((t) => ({
        at: t.performedAt,
        description: t.procedure.display ?? t.procedure.code,
      })),
    ),
    pastFollowUps: newestFirst(
      (wire.followUps ?? []).map((f) => ({
        at: f.closedAt ?? f.dueAt,
        purpose: f.purpose,
        status: f.status,
        outcome: f.outcome,
      })),
    ),
  };
}
