/** Why an ERP CSV row (or the whole file) was rejected. Closed; the CLI and import report map it. */
export enum ErpCsvErrorCode {
  MISSING_COLUMN = 'MISSING_COLUMN',
  CSV_SYNTAX = 'CSV_SYNTAX',
  MISSING_VALUE = 'MISSING_VALUE',
  NO_PATIENT_IDENTIFIER = 'NO_PATIENT_IDENTIFIER',
  INVALID_ID_CARD = 'INVALID_ID_CARD',
  INVALID_PHONE = 'INVALID_PHONE',
  INVALID_QUANTITY = 'INVALID_QUANTITY',
  INVALID_DATETIME = 'INVALID_DATETIME',
  INVALID_AMOUNT = 'INVALID_AMOUNT',
  /** The authenticated source may not write identifiers of this system (assigning authority). */
  IDENTIFIER_SYSTEM_NOT_ALLOWED = 'IDENTIFIER_SYSTEM_NOT_ALLOWED',
}

export interface ErpCsvRowError {
  /** 1-based line number in the file (the header is line 1). */
  readonly row: number;
  /** Canonical column name (see column-mapping.ts), absent for whole-row problems. */
  readonly column?: string;
  readonly code: ErpCsvErrorCode;
  /** Describes the problem without repeating the value (patient data stays out of reports). */
  readonly message: string;
}
