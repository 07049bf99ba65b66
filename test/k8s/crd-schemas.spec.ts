import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { closeObjects, CrdValidator } from '../../tools/k8s/src/crd-validator';
import { crdSchemaFileName, extractCrdSchemas } from '../../tools/k8s/src/crd-schemas';
import { SCHEMA_DIR } from '../../tools/k8s/src/paths';
import { writeTree } from './temp-tree';

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.org
spec:
  group: example.org
  names: { kind: Widget, plural: widgets }
  scope: Namespaced
  versions:
    - name: v1beta1
      served: false
      storage: false
      schema: { openAPIV3Schema: { type: object } }
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          description: A widget.
          properties:
            apiVersion: { type: string }
            kind: { type: string }
            metadata: { type: object }
            spec:
              type: object
              required: [size]
              properties:
                size: { type: integer, format: int32, description: How big. }
                description: { type: string }
                extra: { type: object, x-kubernetes-preserve-unknown-fields: true }
`;

describe('CRD schema vendoring', () => {
  it('keeps the served versions, drops documentation but not a field named description', () => {
    const [widget, ...others] = extractCrdSchemas(CRD, 'widgets.yaml');
    expect(others).toEqual([]);
    expect(widget).toMatchObject({ group: 'example.org', kind: 'Widget', version: 'v1' });
    expect(crdSchemaFileName(widget!)).toBe('example.org/widget_v1.json');
    expect(JSON.stringify(widget!.schema)).not.toContain('How big');
    expect(widget!.schema).toMatchObject({ properties: { spec: { properties: { description: { type: 'string' } } } } });
  });

  it('validates strictly: unknown fields and wrong types fail, preserved subtrees stay open', () => {
    const [widget] = extractCrdSchemas(CRD, 'widgets.yaml');
    const schemaDir = writeTree({ [crdSchemaFileName(widget!)]: JSON.stringify(widget!.schema) });
    const validator = new CrdValidator(schemaDir);
    const object = (spec: Record<string, unknown>) => ({
      apiVersion: 'example.org/v1',
      kind: 'Widget',
      metadata: { name: 'w' },
      spec,
    });
    expect(validator.validate(object({ size: 3, extra: { anything: [1] } }))).toEqual([]);
    expect(validator.validate(object({ size: 'big', colour: 'red' }))).toEqual([
      '/spec: unknown field "colour"',
      '/spec/size: must be integer',
    ]);
    expect(validator.validate({ ...object({ size: 1 }), apiVersion: 'example.org/v2' })).toBeUndefined();
  });

  it('closes only objects that list their properties', () => {
    expect(closeObjects({ type: 'object', additionalProperties: { type: 'string' } })).toEqual({
      type: 'object',
      additionalProperties: { type: 'string' },
    });
    expect(closeObjects({ type: 'object', properties: { a: { type: 'object', properties: {} } } })).toEqual({
      type: 'object',
      properties: { a: { type: 'object', properties: {}, additionalProperties: false } },
      additionalProperties: false,
    });
  });

  it('has a vendored schema for every custom resource kind the manifests use', () => {
    const vendored = readdirSync(SCHEMA_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((group) => readdirSync(path.join(SCHEMA_DIR, group.name)).map((file) => `${group.name}/${file}`))
      .sort();
    expect(vendored).toEqual([
      'barmancloud.cnpg.io/objectstore_v1.json',
      'kafka.strimzi.io/kafka_v1.json',
      'kafka.strimzi.io/kafkanodepool_v1.json',
      'kafka.strimzi.io/kafkatopic_v1.json',
      'keda.sh/scaledobject_v1alpha1.json',
      'postgresql.cnpg.io/cluster_v1.json',
      'postgresql.cnpg.io/scheduledbackup_v1.json',
    ]);
    for (const file of vendored) {
      expect(JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), 'utf8'))).toMatchObject({ type: 'object' });
    }
  });
});
