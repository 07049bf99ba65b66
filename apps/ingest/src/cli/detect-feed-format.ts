export type FeedFileFormat = 'hl7v2' | 'fhir-json' | 'erp-csv';

const EXTENSIONS: Readonly<Record<string, FeedFileFormat>> = {
  '.hl7': 'hl7v2',
  '.hl7v2': 'hl7v2',
  '.er7': 'hl7v2',
  '.json': 'fhir-json',
  '.ndjson': 'fhir-json',
  '.csv': 'erp-csv',
};

/**
 * Decides how to read a file: unmistakable content first (JSON, an MSH/FHS/BHS header, an MLLP start
 * byte), then the extension, then weaker content hints. Many HL7 feeds are saved as .txt or without any
 * extension, hence content before extension.
 */
export function detectFeedFormat(fileName: string, head: Buffer): FeedFileFormat | undefined {
  const text = head.toString('latin1').replace(/^\xef\xbb\xbf/, '');
  // Leading whitespace, NUL/STX and MLLP bytes are noise before the real content.
  let start = 0;
  while (start < text.length && text.charCodeAt(start) <= 0x20) start++;
  const trimmed = text.slice(start);
  if (trimmed.startsWith('{')) return 'fhir-json';
  if (
    /^(?:\[SOM\])?(?:MSH|FHS|BHS)[^A-Za-z0-9\s]/.test(trimmed) ||
    /(^|[\r\n])(?:MSH|FHS|BHS)[^A-Za-z0-9\s]/.test(text.slice(0, 4096))
  ) {
    return 'hl7v2';
  }
  const dot = fileName.lastIndexOf('.');
  const byExtension = dot >= 0 ? EXTENSIONS[fileName.slice(dot).toLowerCase()] : undefined;
  if (byExtension) return byExtension;
  if (/^[A-Z][A-Z0-9]{2}\|/.test(trimmed)) return 'hl7v2';
  const firstLine = trimmed.split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.includes(',') || firstLine.includes('\t')) return 'erp-csv';
  return undefined;
}
