import { Module } from '@nestjs/common';
import { ClinicalHistoryConsumer } from './clinical-history.consumer';
import { PatientEventsConsumer } from './patient-events.consumer';
import { PatientIdentityConsumer } from './patient-identity.consumer';
import { PatientRecordsController } from './patient-records.controller';
import { PatientViewController } from './patient-view.controller';
import { PreferencesController } from './preferences.controller';

/** The EMPI patient read model, recent clinical history, what agents record, and the patient 360 view. */
@Module({
  controllers: [PatientViewController, PreferencesController, PatientRecordsController],
  providers: [PatientEventsConsumer, PatientIdentityConsumer, ClinicalHistoryConsumer],
})
export class PatientsModule {}
