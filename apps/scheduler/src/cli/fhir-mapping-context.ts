import { type PatientEvent } from '../derivation/patient-event';
import { reference } from './fhir-fields';
import { type FhirResource } from './fhir-types';

/** What the per-resource mappers share while one Bundle is mapped. */
export interface Context {
  readonly patientIds: Map<string, string>;
  readonly encounters: Map<string, FhirResource>;
  readonly conditions: Map<string, FhirResource>;
  readonly now: string;
  readonly events: PatientEvent[];
  readonly skipped: string[];
}

export function encounterOf(resource: FhirResource, context: Context): FhirResource | undefined {
  const ref = reference(resource, 'encounter') ?? reference(resource, 'context');
  return ref ? context.encounters.get(ref) : undefined;
}
