import { type EntityManager } from 'typeorm';
import { EmpiError, EmpiErrorCode } from '../empi.errors';
import { type CrossReference, EmpiRegistryRepository } from '../registry/empi-registry.repository';

export interface CrossReferenceResult {
  readonly enterpriseId: string;
  readonly identifiers: readonly CrossReference[];
}

/** PIX query: every identifier, in every system, of the person holding `system|value`. */
export async function queryCrossReferences(
  manager: EntityManager,
  system: string,
  value: string,
): Promise<CrossReferenceResult> {
  const registry = new EmpiRegistryRepository(manager);
  const holders = await registry.recordsWithIdentifier(system, value);
  const enterpriseIds = [...new Set(holders.map((h) => h.enterpriseId))];
  if (enterpriseIds.length === 0)
    throw new EmpiError(EmpiErrorCode.IdentifierNotFound, 'No patient holds this identifier');
  if (enterpriseIds.length > 1) {
    throw new EmpiError(
      EmpiErrorCode.AmbiguousIdentifier,
      'Patients decided to be different people hold this identifier',
    );
  }
  const enterpriseId = enterpriseIds[0]!;
  return { enterpriseId, identifiers: await registry.crossReferences(enterpriseId) };
}

/** `SYSTEM|VALUE` as in FHIR token search; the value may itself contain `|`, the system may not. */
export function parseIdentifierToken(token: string): { system: string; value: string } {
  const bar = token.indexOf('|');
  const system = bar > 0 ? token.slice(0, bar).trim() : '';
  const value = bar > 0 ? token.slice(bar + 1).trim() : '';
  if (!system || !value) throw new EmpiError(EmpiErrorCode.InvalidIdentifierQuery, 'identifier must be SYSTEM|VALUE');
  return { system, value };
}
