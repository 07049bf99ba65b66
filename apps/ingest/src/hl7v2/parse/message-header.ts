import { Hl7RejectionCode, Hl7RejectionError } from '../hl7v2.errors';
import { type Hl7Message } from './hl7-message';

export interface Hl7Header {
  readonly sendingApplication?: string;
  readonly sendingFacility?: string;
  readonly receivingApplication?: string;
  readonly receivingFacility?: string;
  readonly messageTime?: string;
  readonly messageCode?: string;
  readonly triggerEvent?: string;
  readonly structure?: string;
  readonly controlId?: string;
  readonly processingId?: string;
  /** MSH-12 as sent (e.g. "2.3.z"). */
  readonly version?: string;
}

/** Reads MSH without validating anything beyond its presence: the ACK needs it even for rejects. */
export function readHeader(message: Hl7Message): Hl7Header {
  const msh = message.first('MSH');
  if (!msh) throw new Hl7RejectionError(Hl7RejectionCode.NO_MESSAGE, 'No MSH segment', { segment: 'MSH' });
  // Namespace id, or the universal id when a sender fills only HD.2 (OIDs in national profiles).
  const hd = (field: number): string | undefined => msh.get(`${field}.1`) ?? msh.get(`${field}.2`);
  return {
    sendingApplication: hd(3),
    sendingFacility: hd(4),
    receivingApplication: hd(5),
    receivingFacility: hd(6),
    messageTime: msh.get('7.1'),
    messageCode: msh.get('9.1')?.toUpperCase(),
    triggerEvent: msh.get('9.2')?.toUpperCase(),
    structure: msh.get('9.3')?.toUpperCase(),
    controlId: msh.get('10'),
    processingId: msh.get('11.1'),
    version: msh.get('12.1'),
  };
}

export const SUPPORTED_VERSIONS = ['2.3', '2.4', '2.5', '2.6', '2.7', '2.8'] as const;

/** "2.5.1" -> "2.5"; tolerant of local suffixes such as "2.3.z" that some labs send. */
export function majorMinor(version: string | undefined): string | undefined {
  const m = /^(\d+)\.(\d+)/.exec(version ?? '');
  return m ? `${m[1]}.${m[2]}` : undefined;
}

export function assertSupportedVersion(header: Hl7Header): void {
  if (!header.version) {
    throw new Hl7RejectionError(Hl7RejectionCode.MISSING_REQUIRED_FIELD, 'MSH-12 version id is empty', {
      segment: 'MSH',
      sequence: 1,
      field: 12,
    });
  }
  const mm = majorMinor(header.version);
  if (!mm || !(SUPPORTED_VERSIONS as readonly string[]).includes(mm)) {
    throw new Hl7RejectionError(Hl7RejectionCode.UNSUPPORTED_VERSION, 'MSH-12 version is not 2.3 to 2.8', {
      segment: 'MSH',
      sequence: 1,
      field: 12,
    });
  }
}
