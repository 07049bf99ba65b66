import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Hl7v2HttpController } from '../feeds/hl7v2-http.controller';
import { ErpImportController } from '../erp-csv/erp-import.controller';
import { FhirController } from '../fhir/fhir.controller';
import { MllpListener } from '../mllp/mllp-listener';
import { MLLP_OPTIONS, type MllpOptions } from '../mllp/mllp.tokens';
import { SourcesModule } from '../sources/sources.module';
import {
  NoStaffAuthenticator,
  QUARANTINE_STAFF_AUTHENTICATOR,
  type StaffAuthenticator,
} from '../staff/staff-authenticator';
import { QuarantineController } from '../quarantine/quarantine.controller';
import { QuarantineEntity } from '../quarantine/quarantine.entity';
import { Hl7Receiver } from './hl7-receiver.service';
import { RawMessageEntity } from './raw-message.entity';
import { INGEST_RECEIVE_OPTIONS } from './raw-messages.tokens';
import { type ReceiveOptions } from './use-cases/receive-hl7-message';

export interface FeedEdgeOptions {
  readonly receive: ReceiveOptions;
  readonly mllp: MllpOptions;
  /** Verifies staff bearer tokens for quarantine replay; without one, replay is refused to everybody. */
  readonly staffAuthenticator?: StaffAuthenticator;
}

/** The feed edge: HL7 v2 over HTTP and MLLP, FHIR R4, ERP CSV imports; stored before acknowledged. */
@Module({})
export class RawMessagesModule {
  static forOptions(options: FeedEdgeOptions): DynamicModule {
    return {
      module: RawMessagesModule,
      imports: [TypeOrmModule.forFeature([RawMessageEntity, QuarantineEntity]), SourcesModule],
      controllers: [Hl7v2HttpController, FhirController, ErpImportController, QuarantineController],
      providers: [
        { provide: INGEST_RECEIVE_OPTIONS, useValue: options.receive },
        { provide: MLLP_OPTIONS, useValue: options.mllp },
        {
          provide: QUARANTINE_STAFF_AUTHENTICATOR,
          useValue: options.staffAuthenticator ?? new NoStaffAuthenticator(),
        },
        Hl7Receiver,
        MllpListener,
      ],
      exports: [Hl7Receiver],
    };
  }
}
