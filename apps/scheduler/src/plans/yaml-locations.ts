import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';

export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

function keyName(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

/**
 * Finds the source position of a JSON pointer in a parsed YAML document: the value's node, or with
 * `propertyName` the key of that property (for "unknown property" errors). Falls back to the deepest
 * node found, so every error gets a line even when the path does not fully exist (missing property).
 */
export function positionOf(
  document: Document,
  lineCounter: LineCounter,
  pointer: string,
  propertyName?: string,
): SourcePosition {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = document.contents;
  for (const segment of segments) {
    const next = childOf(node, segment);
    if (next === undefined) break;
    node = next.value;
  }
  if (propertyName !== undefined && isMap(node)) {
    const pair = node.items.find((item) => keyName(item.key) === propertyName);
    if (pair && isScalar(pair.key) && pair.key.range) return toPosition(lineCounter, pair.key.range[0]);
  }
  const range = (node as Node | null | undefined)?.range;
  return toPosition(lineCounter, range ? range[0] : 0);
}

function childOf(node: unknown, segment: string): { value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && keyName(item.key) === segment);
    return pair ? { value: pair.value ?? pair.key } : undefined;
  }
  if (isSeq(node)) {
    const item = node.items[Number(segment)];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}

export function toPosition(lineCounter: LineCounter, offset: number): SourcePosition {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
