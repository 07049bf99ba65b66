import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { MLLP_QUERY_HANDLER } from '../mllp/mllp-query-handler';
import { EMPI_SETTINGS, type EmpiSettings } from './empi.settings';
import { MATCH_MODEL } from './empi.tokens';
import { EmpiFeedWorker } from './feed/empi-feed-worker';
import { EmpiMergesController } from './http/empi-merges.controller';
import { EmpiPatientsController } from './http/empi-patients.controller';
import { EmpiReviewsController } from './http/empi-reviews.controller';
import { FhirMatchController } from './http/fhir-match.controller';
import { EmpiStaffGuard, RefuseAllStaff, STAFF_AUTHENTICATOR, type StaffAuthenticator } from './http/staff-access';
import { LinkSourcePatient } from './linking/link-source-patient';
import { bootstrapMatchModel } from './linking/match-model';
import { PixQueryService } from './pix/pix-query.service';

export interface EmpiModuleOptions {
  readonly settings: EmpiSettings;
  /** Staff identity for the review, merge and query endpoints; without one they refuse everyone. */
  readonly staffAuthenticator?: StaffAuthenticator;
}

/**
 * The EMPI: links stored feed messages' patients to enterprise ids and publishes the catalogue events
 * (feed worker), answers PIX queries over HTTP and MLLP, FHIR `$match`, and the data stewards' review,
 * merge and unmerge actions. Global so the MLLP listener finds the PIX query handler.
 */
@Module({})
export class EmpiModule {
  static forOptions(options: EmpiModuleOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: EMPI_SETTINGS, useValue: options.settings },
      {
        provide: MATCH_MODEL,
        // Learnt at boot (a few seconds), before the service reports ready, rather than on the first message.
        useFactory: () => {
          bootstrapMatchModel();
          return bootstrapMatchModel;
        },
      },
      { provide: STAFF_AUTHENTICATOR, useValue: options.staffAuthenticator ?? new RefuseAllStaff() },
      { provide: LinkSourcePatient, useFactory: () => new LinkSourcePatient(bootstrapMatchModel) },
      EmpiStaffGuard,
      EmpiFeedWorker,
      PixQueryService,
      { provide: MLLP_QUERY_HANDLER, useExisting: PixQueryService },
    ];
    return {
      module: EmpiModule,
      global: true,
      controllers: [EmpiPatientsController, EmpiReviewsController, EmpiMergesController, FhirMatchController],
      providers,
      exports: [MLLP_QUERY_HANDLER, EmpiFeedWorker, LinkSourcePatient],
    };
  }
}
