import { Module } from '@nestjs/common';
import { PatientEventsConsumer } from './patient-events.consumer';
import { PatientViewController } from './patient-view.controller';
import { PreferencesController } from './preferences.controller';

/** The EMPI patient read model and the patient 360 view. */
@Module({ controllers: [PatientViewController, PreferencesController], providers: [PatientEventsConsumer] })
export class PatientsModule {}
