import { type NormalisedEvent } from '../../normalise/normalised-event';
import { mapAppointment, mapEncounter, mapPatient, mapProcedure } from './care.mappers';
import { mapMedicationDispense, mapMedicationRequest } from './medication.mappers';
import { type ResourceContext, type SupportedResourceType } from './resource-context';

export {
  isSupportedResourceType,
  SUPPORTED_RESOURCE_TYPES,
  type ResourceContext,
  type SupportedResourceType,
} from './resource-context';

export const RESOURCE_MAPPERS: Readonly<Record<SupportedResourceType, (ctx: ResourceContext) => NormalisedEvent[]>> = {
  Patient: mapPatient,
  Encounter: mapEncounter,
  Procedure: mapProcedure,
  MedicationRequest: mapMedicationRequest,
  MedicationDispense: mapMedicationDispense,
  Appointment: mapAppointment,
};
