/** The few FHIR R4 shapes the preview reads; everything is optional because real bundles vary. */
export interface Coding {
  readonly system?: string;
  readonly code?: string;
  readonly display?: string;
}

export interface CodeableConcept {
  readonly coding?: readonly Coding[];
  readonly text?: string;
}

export interface Reference {
  readonly reference?: string;
}

export interface Quantity {
  readonly value?: number;
  readonly unit?: string;
  readonly code?: string;
}

export interface Period {
  readonly start?: string;
  readonly end?: string;
}

export interface FhirResource {
  readonly resourceType: string;
  readonly id?: string;
  readonly meta?: { readonly lastUpdated?: string };
  readonly [field: string]: unknown;
}

export interface BundleEntry {
  readonly fullUrl?: string;
  readonly resource?: FhirResource;
}

export interface Bundle {
  readonly resourceType: 'Bundle';
  readonly entry?: readonly BundleEntry[];
}
