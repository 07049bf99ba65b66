import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from '@asyncapi/parser';
import { parse } from 'yaml';
import { buildAsyncApiDocument } from './asyncapi-document';
import { ASYNCAPI_DOCUMENT_PATH, ASYNCAPI_REGENERATE_COMMAND, renderAsyncApiYaml } from './asyncapi-yaml';
import { EVENT_CATALOGUE, EVENT_TYPES } from './catalogue';
import { validateEvent } from './validation';

const committedPath = path.resolve(__dirname, '../../../..', ASYNCAPI_DOCUMENT_PATH);
const committed = readFileSync(committedPath, 'utf8');

describe('AsyncAPI document', () => {
  it('committed asyncapi.yaml equals the document generated from the catalogue', () => {
    const upToDate = JSON.stringify(parse(committed)) === JSON.stringify(buildAsyncApiDocument());
    if (!upToDate) {
      throw new Error(
        `${ASYNCAPI_DOCUMENT_PATH} is out of date with EVENT_CATALOGUE. Regenerate it from the repository ` +
          `root with:\n  ${ASYNCAPI_REGENERATE_COMMAND}\nand commit the result.`,
      );
    }
  });

  it('renders the same text on every run', () => {
    expect(renderAsyncApiYaml()).toBe(renderAsyncApiYaml());
  });

  it('parses as AsyncAPI 3.0 with no errors or warnings', async () => {
    const { document, diagnostics } = await new Parser().parse(committed);
    const problems = diagnostics
      .filter((diagnostic) => diagnostic.severity <= 1)
      .map((diagnostic) => `${diagnostic.path.join('.')}: ${diagnostic.message}`);
    expect(problems).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
  }, 60_000);

  it('lists exactly the catalogued events as channels, messages and send operations', () => {
    const document = parse(committed) as {
      channels: Record<string, { address: string; bindings: { kafka: { partitions: number } } }>;
      operations: Record<string, { action: string; channel: { $ref: string } }>;
      components: { messages: Record<string, unknown>; schemas: Record<string, unknown> };
    };
    const types = [...EVENT_TYPES].sort();
    expect(Object.keys(document.channels).sort()).toEqual(types);
    expect(Object.keys(document.components.messages).sort()).toEqual(types);
    expect(
      Object.values(document.operations)
        .map((operation) => operation.channel.$ref.split('/').pop())
        .sort(),
    ).toEqual(types);
    for (const type of types) {
      const entry = EVENT_CATALOGUE[type];
      expect(document.channels[type]!.address).toBe(entry.topic);
      expect(document.channels[type]!.bindings.kafka.partitions).toBe(entry.partitions);
      expect(document.components.schemas[type]).toEqual(JSON.parse(JSON.stringify(entry.schema)));
    }
  });

  it('publishes an example envelope per message that passes validateEvent', () => {
    const messages = (
      buildAsyncApiDocument() as { components: { messages: Record<string, { examples: { payload: unknown }[] }> } }
    ).components.messages;
    const failures = Object.entries(messages).flatMap(([type, message]) => {
      const result = validateEvent(message.examples[0]!.payload);
      return result.ok ? [] : [`${type}: ${result.code}`];
    });
    expect(failures).toEqual([]);
  });
});
