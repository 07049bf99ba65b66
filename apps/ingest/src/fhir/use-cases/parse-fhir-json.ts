import { FhirRejectionCode, FhirRejectionError } from '../fhir.errors';
import { bundleChargeItems, withDispenseCharge } from '../mapping/charge-items';
import { patientFromReferenceOnly, patientFromResource } from '../mapping/fhir-patient';
import { arr, isObject, type JsonObject, obj, str } from '../mapping/json';
import { isSupportedResourceType, RESOURCE_MAPPERS } from '../mapping/resource-mappers';
import { buildOperationOutcome, type OperationOutcome } from '../operation-outcome';
import { type NormalisedEvent, type PatientSnapshot, type SourceRef } from '../../normalise/normalised-event';

export interface FhirRejection {
  readonly code: FhirRejectionCode;
  readonly message: string;
  readonly expression?: string;
}

export type FhirEntryResult =
  | {
      readonly index: number;
      readonly resourceType?: string;
      readonly accepted: true;
      readonly events: NormalisedEvent[];
    }
  | {
      readonly index: number;
      readonly resourceType?: string;
      readonly accepted: false;
      readonly rejection: FhirRejection;
      readonly outcome: OperationOutcome;
    };

export interface ParseFhirOptions {
  /** Source system when resources carry no meta.source (the HTTP layer passes the authenticated client). */
  readonly sourceSystem?: string;
}

export const DEFAULT_FHIR_SOURCE = 'fhir-r4-client';

function rejected(index: number, resourceType: string | undefined, error: unknown): FhirEntryResult {
  const rejection: FhirRejection =
    error instanceof FhirRejectionError
      ? { code: error.code, message: error.detail, expression: error.expression }
      : { code: FhirRejectionCode.INTERNAL_ERROR, message: 'Unexpected failure while mapping the resource' };
  return { index, resourceType, accepted: false, rejection, outcome: buildOperationOutcome([rejection]) };
}

interface BundleIndex {
  readonly byUrl: Map<string, JsonObject>;
}

function indexBundle(entries: JsonObject[]): BundleIndex {
  const byUrl = new Map<string, JsonObject>();
  for (const entry of entries) {
    const resource = obj(entry, 'resource');
    if (!resource || str(resource, 'resourceType') !== 'Patient') continue;
    const fullUrl = str(entry, 'fullUrl');
    if (fullUrl) byUrl.set(fullUrl, resource);
    const id = str(resource, 'id');
    if (id) byUrl.set(`Patient/${id}`, resource);
  }
  return { byUrl };
}

function patientResolver(index: BundleIndex, container: JsonObject, source: string) {
  return (reference: JsonObject | undefined, expression: string): PatientSnapshot => {
    if (!reference)
      throw new FhirRejectionError(FhirRejectionCode.MISSING_REQUIRED_ELEMENT, 'Subject is missing', expression);
    const ref = str(reference, 'reference');
    if (ref?.startsWith('#')) {
      const contained = arr(container, 'contained').find(
        (c) => str(c, 'id') === ref.slice(1) && str(c, 'resourceType') === 'Patient',
      );
      if (contained) return patientFromResource(contained, source, expression);
    }
    const relative = ref?.replace(/^.*\/(Patient\/[^/]+)(\/_history\/.*)?$/, '$1');
    const inBundle = (ref && index.byUrl.get(ref)) ?? (relative && index.byUrl.get(relative));
    if (inBundle) return patientFromResource(inBundle, source, expression);
    return patientFromReferenceOnly(reference, source, expression);
  };
}

function sourceOf(resource: JsonObject, fallback: string): SourceRef {
  return {
    format: 'fhir-r4',
    system: str(obj(resource, 'meta'), 'source') ?? fallback,
    messageId: str(resource, 'id'),
  };
}

function mapResource(
  index: number,
  resource: JsonObject,
  method: 'POST' | 'PUT',
  bundle: BundleIndex,
  fallbackSource: string,
): FhirEntryResult {
  const resourceType = str(resource, 'resourceType');
  try {
    if (!isSupportedResourceType(resourceType)) {
      throw new FhirRejectionError(
        FhirRejectionCode.UNSUPPORTED_RESOURCE_TYPE,
        `Resource type ${resourceType ?? 'missing'} is not accepted`,
        'resourceType',
      );
    }
    const source = sourceOf(resource, fallbackSource);
    const events = RESOURCE_MAPPERS[resourceType]({
      resource,
      source,
      method,
      resolvePatient: patientResolver(bundle, resource, source.system),
    });
    return { index, resourceType, accepted: true, events };
  } catch (error: unknown) {
    return rejected(index, resourceType, error);
  }
}

function parseNdjsonLine(line: string, index: number, fallbackSource: string): FhirEntryResult[] {
  let resource: unknown;
  try {
    resource = JSON.parse(line);
  } catch {
    return [
      rejected(index, undefined, new FhirRejectionError(FhirRejectionCode.INVALID_JSON, 'Line is not valid JSON')),
    ];
  }
  if (!isObject(resource) || !str(resource, 'resourceType')) {
    return [
      rejected(
        index,
        undefined,
        new FhirRejectionError(FhirRejectionCode.NOT_A_RESOURCE, 'JSON has no resourceType', 'resourceType'),
      ),
    ];
  }
  return [mapResource(index, resource, 'POST', { byUrl: new Map() }, fallbackSource)];
}

/**
 * Reads one FHIR R4 JSON document: a single resource, or a transaction/batch Bundle. Bundle entries of
 * types we do not consume (Observation, Claim, ...) are skipped without a rejection: senders push whole
 * records and only the follow-up-relevant resources concern us. Never throws for bad input.
 */
export function parseFhirJson(input: Uint8Array | string, options: ParseFhirOptions = {}): FhirEntryResult[] {
  const fallbackSource = options.sourceSystem ?? DEFAULT_FHIR_SOURCE;
  const text = (typeof input === 'string' ? input : Buffer.from(input).toString('utf8')).replace(/^\uFEFF/, '');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    // FHIR bulk-data exports are NDJSON: one resource per line, each answered on its own (index = line).
    if (lines.length > 1 && lines[0]!.trim().startsWith('{')) {
      return lines.flatMap((line, index) => parseNdjsonLine(line, index, fallbackSource));
    }
    return [rejected(0, undefined, new FhirRejectionError(FhirRejectionCode.INVALID_JSON, 'Input is not valid JSON'))];
  }
  if (!isObject(document) || !str(document, 'resourceType')) {
    return [
      rejected(
        0,
        undefined,
        new FhirRejectionError(FhirRejectionCode.NOT_A_RESOURCE, 'JSON has no resourceType', 'resourceType'),
      ),
    ];
  }
  if (str(document, 'resourceType') !== 'Bundle') {
    return [mapResource(0, document, 'POST', { byUrl: new Map() }, fallbackSource)];
  }
  const bundleType = str(document, 'type');
  if (bundleType !== 'transaction' && bundleType !== 'batch') {
    return [
      rejected(
        0,
        'Bundle',
        new FhirRejectionError(
          FhirRejectionCode.UNSUPPORTED_BUNDLE_TYPE,
          `Bundle type ${bundleType ?? 'missing'} is not accepted; send a transaction or batch`,
          'Bundle.type',
        ),
      ),
    ];
  }
  const bundleSource = str(obj(document, 'meta'), 'source') ?? fallbackSource;
  const entries = arr(document, 'entry');
  const bundle = indexBundle(entries);
  const charges = bundleChargeItems(entries);
  const results: FhirEntryResult[] = [];
  entries.forEach((entry, index) => {
    const method = str(obj(entry, 'request'), 'method')?.toUpperCase();
    const resource = obj(entry, 'resource');
    if (method !== undefined && method !== 'POST' && method !== 'PUT') {
      results.push(
        rejected(
          index,
          resource ? str(resource, 'resourceType') : undefined,
          new FhirRejectionError(
            FhirRejectionCode.UNSUPPORTED_METHOD,
            `Bundle entry method ${method} is not accepted`,
            `Bundle.entry[${index}].request.method`,
          ),
        ),
      );
      return;
    }
    if (!resource) {
      results.push(
        rejected(
          index,
          undefined,
          new FhirRejectionError(
            FhirRejectionCode.MISSING_REQUIRED_ELEMENT,
            'Bundle entry has no resource',
            `Bundle.entry[${index}].resource`,
          ),
        ),
      );
      return;
    }
    if (!isSupportedResourceType(str(resource, 'resourceType'))) return;
    const result = mapResource(index, resource, method === 'PUT' ? 'PUT' : 'POST', bundle, bundleSource);
    results.push(
      result.accepted && result.resourceType === 'MedicationDispense'
        ? { ...result, events: withDispenseCharge(result.events, entry, resource, charges) }
        : result,
    );
  });
  return results;
}
