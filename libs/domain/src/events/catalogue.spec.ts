import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { DEFAULT_PARTITIONS } from './catalogue-entry';
import { EVENT_CATALOGUE, EVENT_TYPES, isKnownEventType } from './catalogue';
import { EVENT_CONTEXTS, parseEventType } from './event-type-name';

describe('EVENT_CATALOGUE', () => {
  const entries = Object.entries(EVENT_CATALOGUE);

  it('covers every context', () => {
    const contexts = new Set(entries.map(([, entry]) => entry.context));
    expect([...contexts].sort()).toEqual([...EVENT_CONTEXTS].sort());
  });

  it.each(entries)('%s: key, type, topic, context and version agree with the naming rule', (key, entry) => {
    const parsed = parseEventType(key);
    expect(parsed).toBeDefined();
    expect(entry.type).toBe(key);
    expect(entry.topic).toBe(key);
    expect(entry.context).toBe(parsed!.context);
    expect(entry.version).toBe(parsed!.version);
    expect(entry.dataschema).toBe(`urn:revisit:schema:${key}`);
    expect(entry.partitions).toBeGreaterThanOrEqual(1);
    expect(entry.description.length).toBeGreaterThan(10);
  });

  it.each(entries)('%s: schema compiles in strict mode and documents every property', (_key, entry) => {
    const ajv = addFormats(new Ajv({ strict: true, allErrors: true }));
    expect(() => ajv.compile(entry.schema)).not.toThrow();
    expect(undocumentedPaths(entry.schema, '')).toEqual([]);
  });

  it.each(entries)('%s: subjectPointer names a required string in data', (_key, entry) => {
    const segments = entry.subjectPointer.split('/').slice(1);
    let node: SchemaNode = entry.schema as SchemaNode;
    for (const segment of segments) {
      expect(node.required ?? []).toContain(segment);
      node = node.properties![segment]!;
    }
    expect(node.type).toBe('string');
  });

  it('uses the default partition count unless an event needs another', () => {
    expect(entries.every(([, entry]) => entry.partitions === DEFAULT_PARTITIONS)).toBe(true);
  });

  it('recognises known types only', () => {
    expect(EVENT_TYPES).toHaveLength(entries.length);
    expect(isKnownEventType('revisit.clinical.medication-dispensed.v1')).toBe(true);
    expect(isKnownEventType('revisit.clinical.medication-dispensed.v2')).toBe(false);
    expect(isKnownEventType('toString')).toBe(false);
  });
});

interface SchemaNode {
  description?: string;
  type?: string;
  required?: string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  patternProperties?: Record<string, SchemaNode>;
  anyOf?: SchemaNode[];
}

/** Paths of properties, array items and union members that lack a description. */
function undocumentedPaths(node: SchemaNode, path: string): string[] {
  const missing: string[] = node.description ? [] : [path || '(root)'];
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    missing.push(...undocumentedPaths(child, `${path}/${name}`));
  }
  for (const child of Object.values(node.patternProperties ?? {})) {
    missing.push(...undocumentedPaths(child, `${path}/*`));
  }
  if (node.items) missing.push(...undocumentedPaths(node.items, `${path}/[]`));
  return missing;
}
