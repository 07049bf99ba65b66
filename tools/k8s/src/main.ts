import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crdSchemaFileName, extractCrdSchemas } from './crd-schemas';
import { imagesOf } from './image-list';
import { renderTopicsFile, TOPICS_FILE } from './kafka-topics';
import { K8sToolError, K8sToolErrorCode } from './k8s-tool.errors';
import { renderKustomization } from './kustomize-build';
import { REPO_ROOT, SCHEMA_DIR } from './paths';
import { validateObjects } from './validate-manifests';
import { toYamlStream } from './yaml-documents';

interface Output {
  write(text: string): unknown;
}

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 64;

const USAGE = `usage: node tools/k8s/run.mjs <command>
  render <kustomization-dir>        print the rendered manifests (YAML stream)
  validate <kustomization-dir>...   render, then check schemas and policies; exit 1 on any finding
  images <kustomization-dir>        list every image the render pulls (for registry mirroring)
  generate-topics [--check]         write ${TOPICS_FILE} from the event catalogue (--check: fail on drift)
  vendor-crd-schemas <crd.yaml>...  extract openAPIV3Schema of each CRD into k8s/schemas/
`;

/** The CLI: returns the exit status so tests can drive it without spawning a process. */
export function main(argv: readonly string[], stdout: Output, stderr: Output): number {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'render':
        return render(args, stdout);
      case 'validate':
        return validate(args, stdout, stderr);
      case 'images':
        return listImages(args, stdout);
      case 'generate-topics':
        return generateTopics(args, stdout, stderr);
      case 'vendor-crd-schemas':
        return vendorCrdSchemas(args, stdout);
      default:
        stderr.write(USAGE);
        return EXIT_USAGE;
    }
  } catch (error) {
    if (!(error instanceof K8sToolError)) throw error;
    stderr.write(`error (${error.code}): ${error.message}\n`);
    return exitStatusOf(error.code);
  }
}

function exitStatusOf(code: K8sToolErrorCode): number {
  switch (code) {
    case K8sToolErrorCode.UsageError:
      return EXIT_USAGE;
    case K8sToolErrorCode.InvalidYaml:
    case K8sToolErrorCode.InvalidKustomization:
    case K8sToolErrorCode.UnsupportedKustomizeFeature:
    case K8sToolErrorCode.MissingResource:
    case K8sToolErrorCode.DuplicateResource:
    case K8sToolErrorCode.PatchTargetNotFound:
    case K8sToolErrorCode.InvalidPatch:
    case K8sToolErrorCode.InvalidCrd:
      return EXIT_INVALID;
  }
}

function render(args: readonly string[], stdout: Output): number {
  const [directory] = args;
  if (!directory || args.length !== 1) throw usage('render takes one kustomization directory');
  stdout.write(toYamlStream(renderKustomization(directory)));
  return EXIT_OK;
}

function listImages(args: readonly string[], stdout: Output): number {
  const [directory] = args;
  if (!directory || args.length !== 1) throw usage('images takes one kustomization directory');
  for (const image of imagesOf(renderKustomization(directory))) stdout.write(`${image}\n`);
  return EXIT_OK;
}

function validate(args: readonly string[], stdout: Output, stderr: Output): number {
  if (args.length === 0) throw usage('validate takes one or more kustomization directories');
  let findings = 0;
  for (const directory of args) {
    const objects = renderKustomization(directory);
    const problems = validateObjects(objects);
    for (const problem of problems) stderr.write(`${directory}: ${problem}\n`);
    stdout.write(`${directory}: ${objects.length} objects, ${problems.length} finding(s)\n`);
    findings += problems.length;
  }
  return findings === 0 ? EXIT_OK : EXIT_INVALID;
}

function generateTopics(args: readonly string[], stdout: Output, stderr: Output): number {
  const file = path.join(REPO_ROOT, TOPICS_FILE);
  const expected = renderTopicsFile();
  if (args.includes('--check')) {
    const current = readFileSync(file, 'utf8');
    if (current === expected) return EXIT_OK;
    stderr.write(`${TOPICS_FILE} is out of date: run node tools/k8s/run.mjs generate-topics\n`);
    return EXIT_INVALID;
  }
  writeFileSync(file, expected);
  stdout.write(`wrote ${TOPICS_FILE}\n`);
  return EXIT_OK;
}

function vendorCrdSchemas(args: readonly string[], stdout: Output): number {
  if (args.length === 0) throw usage('vendor-crd-schemas takes CRD YAML files');
  for (const file of args) {
    for (const schema of extractCrdSchemas(readFileSync(file, 'utf8'), file)) {
      const target = path.join(SCHEMA_DIR, crdSchemaFileName(schema));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, `${JSON.stringify(schema.schema, null, 2)}\n`);
      stdout.write(`wrote ${path.relative(REPO_ROOT, target)}\n`);
    }
  }
  return EXIT_OK;
}

function usage(message: string): K8sToolError {
  return new K8sToolError(K8sToolErrorCode.UsageError, `${message}\n${USAGE}`);
}
