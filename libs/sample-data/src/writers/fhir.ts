import { formatIso, type LocalTime } from '../sample/clock';
import { ID_CARD_SYSTEM } from '../sample/organisations';
import { type Registration } from '../sample/registrations';

export type FhirResource = Record<string, unknown> & { readonly resourceType: string };

export interface BundleEntry {
  readonly fullUrl: string;
  readonly resource: FhirResource;
  readonly request: { readonly method: 'POST' | 'PUT'; readonly url: string };
}

export interface TransactionBundle {
  readonly resourceType: 'Bundle';
  readonly id: string;
  readonly type: 'transaction';
  readonly timestamp: string;
  readonly meta: { readonly source: string };
  readonly entry: BundleEntry[];
}

export function transactionBundle(id: string, source: string, at: LocalTime, entry: BundleEntry[]): TransactionBundle {
  return { resourceType: 'Bundle', id, type: 'transaction', timestamp: formatIso(at), meta: { source }, entry };
}

export function postEntry(uuid: string, resource: FhirResource): BundleEntry {
  return { fullUrl: `urn:uuid:${uuid}`, resource, request: { method: 'POST', url: resource.resourceType } };
}

export function putEntry(resource: FhirResource & { readonly id: string }): BundleEntry {
  const url = `${resource.resourceType}/${resource.id}`;
  return { fullUrl: url, resource, request: { method: 'PUT', url } };
}

/** The Patient as the clinic system holds it; its id is the clinic's record number. */
export function patientResource(reg: Registration): FhirResource {
  const identifier: Record<string, unknown>[] = [
    {
      use: 'usual',
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
      system: reg.system,
      value: reg.localId,
    },
  ];
  if (reg.idCard) {
    identifier.push({
      use: 'official',
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'NI' }] },
      system: ID_CARD_SYSTEM,
      value: reg.idCard,
    });
  }
  return {
    resourceType: 'Patient',
    id: reg.localId,
    identifier,
    name: [
      reg.fullName
        ? { use: 'official', text: reg.fullName }
        : { use: 'official', text: reg.surname + reg.given, family: reg.surname, given: [reg.given] },
    ],
    gender: reg.sex === 'M' ? 'male' : 'female',
    ...(reg.birthDate ? { birthDate: reg.birthDate } : {}),
    ...(reg.phone ? { telecom: [{ system: 'phone', value: reg.phone, use: 'mobile' }] } : {}),
    ...(reg.address
      ? {
          address: [
            {
              use: 'home',
              line: [reg.address],
              district: reg.city.replace(/^上海市/, ''),
              city: '上海市',
              state: '上海市',
              country: 'CN',
            },
          ],
        }
      : {}),
  };
}

/**
 * A reference to a patient registered in an earlier bundle: the logical identifier (the record number)
 * lets ingest name the same local identifier the Patient resource carried.
 */
export function patientReference(reg: Registration): Record<string, unknown> {
  return { reference: `Patient/${reg.localId}`, identifier: { system: reg.system, value: reg.localId } };
}

export function bundleEntryReference(uuid: string): Record<string, unknown> {
  return { reference: `urn:uuid:${uuid}` };
}
