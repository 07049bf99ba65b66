import { stringify } from 'yaml';
import { buildAsyncApiDocument } from './asyncapi-document';

/** Path of the committed document, relative to the repository root. */
export const ASYNCAPI_DOCUMENT_PATH = 'libs/domain/asyncapi.yaml';

export const ASYNCAPI_REGENERATE_COMMAND = 'node tools/build.mjs && node dist/libs/domain/src/events/write-asyncapi.js';

/** The AsyncAPI document as YAML text, stable across runs (no line folding, no anchors). */
export function renderAsyncApiYaml(): string {
  const header = `# Generated from EVENT_CATALOGUE in libs/domain; do not edit by hand.\n# Regenerate from the repository root with: ${ASYNCAPI_REGENERATE_COMMAND}\n`;
  return header + stringify(buildAsyncApiDocument(), { lineWidth: 0, aliasDuplicateObjects: false, singleQuote: true });
}
