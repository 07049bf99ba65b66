/**
 * Reads MSH-3 and MSH-4 straight from the bytes, so even a message the parser rejects can be keyed by its
 * sender. Only the first components are used: they are what senders keep stable across resends.
 */
export function messageSender(bytes: Uint8Array): string | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const start = text.indexOf('MSH');
  if (start < 0 || start + 4 > text.length) return undefined;
  const line = text.slice(start).split(/[\r\n]/, 1)[0]!;
  const fieldSeparator = line[3]!;
  const componentSeparator = line[4] ?? '^';
  const fields = line.split(fieldSeparator);
  const first = (value: string | undefined): string => (value ?? '').split(componentSeparator, 1)[0]!.trim();
  const sender = [first(fields[2]), first(fields[3])].filter(Boolean).join('@');
  return sender || undefined;
}
