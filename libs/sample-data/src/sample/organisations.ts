/**
 * The demo's organisations and their feed sources. Each source is bound to the identifier systems
 * (assigning authorities) it may write, as `revisit ingest sources add --systems` expects
 * (docs/hospital-it.md); ERP member ids (`<source id>/member`) and FHIR ids (`<source id>/Patient`)
 * belong to their source without binding.
 */
export const ID_CARD_SYSTEM = 'CHN-NI';
export const HOSPITAL_MRN_SYSTEM = 'DEMO-HOSP-MRN';
export const DENTAL_MRN_SYSTEM = 'urn:revisit-demo:dental:mrn';
export const TCM_MRN_SYSTEM = 'urn:revisit-demo:tcm:mrn';
export const FHIR_ATC_SYSTEM = 'http://www.whocc.no/atc';
export const PROCEDURE_CATEGORY_SYSTEM = 'https://revisit.dev/fhir/CodeSystem/procedure-category';

export type FeedKind = 'hl7v2' | 'fhir-r4' | 'erp-csv';

export interface SampleSource {
  readonly id: string;
  readonly orgId: string;
  readonly name: string;
  readonly feed: FeedKind;
  /** Value of `--systems` when registering the source. */
  readonly identifierSystems: readonly string[];
  /** HL7 v2 senders: MSH-3 and MSH-4 (control ids are unique per this pair). */
  readonly sendingApplication?: string;
  readonly sendingFacility?: string;
  /** ERP: the stores exporting through this source. */
  readonly stores?: readonly { readonly code: string; readonly name: string; readonly encoding: 'utf-8' | 'gb18030' }[];
}

export interface SampleOrganisation {
  readonly id: string;
  readonly name: string;
  readonly kind: 'hospital' | 'pharmacy' | 'dental' | 'tcm';
}

export const ORGANISATIONS: readonly SampleOrganisation[] = [
  { id: 'org-demo-hospital', name: '浦江示范医院', kind: 'hospital' },
  { id: 'org-demo-pharmacy', name: '益康大药房', kind: 'pharmacy' },
  { id: 'org-demo-dental', name: '皓齿口腔诊所', kind: 'dental' },
  { id: 'org-demo-tcm', name: '杏林中医门诊部', kind: 'tcm' },
];

export const HIS_SOURCE: SampleSource = {
  id: 'demo-his',
  orgId: 'org-demo-hospital',
  name: '浦江示范医院 HIS (集成平台)',
  feed: 'hl7v2',
  identifierSystems: [HOSPITAL_MRN_SYSTEM, ID_CARD_SYSTEM],
  sendingApplication: 'HIS',
  sendingFacility: 'DEMO-HOSP',
};

export const ERP_SOURCE: SampleSource = {
  id: 'demo-pharmacy-erp',
  orgId: 'org-demo-pharmacy',
  name: '益康大药房 ERP',
  feed: 'erp-csv',
  identifierSystems: [ID_CARD_SYSTEM],
  stores: [
    { code: 'YK001', name: '益康大药房世纪大道店', encoding: 'utf-8' },
    { code: 'YK002', name: '益康大药房张杨路店', encoding: 'gb18030' },
  ],
};

export const DENTAL_SOURCE: SampleSource = {
  id: 'demo-dental-pms',
  orgId: 'org-demo-dental',
  name: '皓齿口腔诊所 PMS (FHIR)',
  feed: 'fhir-r4',
  identifierSystems: [DENTAL_MRN_SYSTEM, ID_CARD_SYSTEM],
};

export const TCM_SOURCE: SampleSource = {
  id: 'demo-tcm-his',
  orgId: 'org-demo-tcm',
  name: '杏林中医门诊部 HIS (FHIR)',
  feed: 'fhir-r4',
  identifierSystems: [TCM_MRN_SYSTEM, ID_CARD_SYSTEM],
};

export const SOURCES: readonly SampleSource[] = [HIS_SOURCE, ERP_SOURCE, DENTAL_SOURCE, TCM_SOURCE];
