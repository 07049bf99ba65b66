import { SUPPORTED_RESOURCE_TYPES } from './mapping/resource-mappers';

export interface CapabilityStatementOptions {
  readonly baseUrl: string;
  readonly softwareVersion: string;
  /** ISO date of the release, shown as CapabilityStatement.date. */
  readonly releaseDate: string;
}

/** The `/fhir/r4/metadata` answer: what the ingest endpoint accepts (create/update and transaction/batch). */
export function buildCapabilityStatement(options: CapabilityStatementOptions): Record<string, unknown> {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: options.releaseDate,
    kind: 'instance',
    software: { name: 'Revisit ingest', version: options.softwareVersion },
    implementation: { description: 'Revisit patient follow-up ingest endpoint', url: options.baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation: 'Write-only feed: resources are turned into follow-up events; reads are not offered.',
        resource: SUPPORTED_RESOURCE_TYPES.map((type) => ({
          type,
          interaction: [{ code: 'create' }, { code: 'update' }],
          versioning: 'no-version',
          updateCreate: true,
        })),
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
      },
    ],
  };
}
