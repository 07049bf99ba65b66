#!/usr/bin/env node
// Runs the Kubernetes tooling straight from its TypeScript sources, compiled in memory with the repo's
// own swc options (aliases resolved), so a platform team needs neither a build step nor kubectl/kustomize.
//   node tools/k8s/run.mjs render k8s/overlays/production > revisit.yaml
//   node tools/k8s/run.mjs validate k8s/overlays/production
//   node tools/k8s/run.mjs generate-topics [--check]
//   node tools/k8s/run.mjs vendor-crd-schemas <out-dir> <crd.yaml>...
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const Module = require('node:module');
const swc = require('@swc/core');
const { swcOptions } = require('../swc-options.cjs');

const options = swcOptions({ paths: true });
Module._extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), {
    ...options,
    filename,
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};

const { main } = require('./src/main.ts');
process.exitCode = main(process.argv.slice(2), process.stdout, process.stderr);
