/**
 * Writes libs/domain/asyncapi.yaml from the catalogue. Run from the repository root after a build:
 *   node tools/build.mjs && node dist/libs/domain/src/events/write-asyncapi.js
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ASYNCAPI_DOCUMENT_PATH, renderAsyncApiYaml } from './asyncapi-yaml';

const target = path.resolve(process.argv[2] ?? ASYNCAPI_DOCUMENT_PATH);
writeFileSync(target, renderAsyncApiYaml());
console.log(`asyncapi: wrote ${path.relative(process.cwd(), target)}`);
