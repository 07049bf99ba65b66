/**
 * The demographic record the matcher links. Every source format (FEBRL, our own CSV, HL7 PID, FHIR
 * Patient) is mapped to this shape first; the matcher never reads meaning into `id`.
 */
export type RecordSex = 'male' | 'female';

export interface PersonName {
  /** Family name (Han characters or Latin letters). */
  readonly family?: string;
  readonly given?: string;
  /** Full name in Han characters, surname first, when the source keeps it in one field (王小明). */
  readonly fullHan?: string;
  /** Romanised name as the source wrote it ("Wang Xiaoming"), used when no Han characters are known. */
  readonly latin?: string;
}

export interface PersonAddress {
  readonly streetNumber?: string;
  readonly street?: string;
  /** Secondary line: building, estate or locality name. */
  readonly line2?: string;
  readonly suburb?: string;
  readonly postcode?: string;
  readonly state?: string;
  /** Unstructured address text (Chinese addresses are usually one string: 省市区街道门牌). */
  readonly text?: string;
}

export interface PersonIdentifiers {
  /** Mainland resident identity card number (居民身份证, GB 11643-1999). */
  readonly residentIdCard?: string;
  readonly passport?: string;
  /** Social/medical insurance card number (社保卡/医保卡). */
  readonly insuranceCard?: string;
  /** Any other person-level number without a checksum (e.g. an Australian social security id). */
  readonly otherId?: string;
}

export interface PersonRecord {
  /** Opaque source id, only carried through to the output. */
  readonly id: string;
  readonly name: PersonName;
  /** Birth date as written: YYYYMMDD or YYYY-MM-DD; corrupt values are kept for fuzzy comparison. */
  readonly birthDate?: string;
  readonly sex?: RecordSex;
  readonly identifiers?: PersonIdentifiers;
  readonly mobile?: string;
  readonly address?: PersonAddress;
}
