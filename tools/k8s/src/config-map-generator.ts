import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { K8sToolError, K8sToolErrorCode } from './k8s-tool.errors';
import type { ConfigMapGeneratorEntry } from './kustomization';
import type { KubeObject } from './kube-object';

/** Data of a generated ConfigMap from literals, env files and files, in kustomize's precedence. */
export function generatorData(entry: ConfigMapGeneratorEntry, baseDir: string): Record<string, string> {
  const data: Record<string, string> = {};
  for (const envFile of entry.envs) {
    const text = readFileSync(path.join(baseDir, envFile), 'utf8');
    for (const line of text.split(/\r?\n/)) {
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      assign(data, trimmed, `${entry.name} env file ${envFile}`);
    }
  }
  for (const file of entry.files) {
    const equals = file.indexOf('=');
    const key = equals === -1 ? path.basename(file) : file.slice(0, equals);
    data[key] = readFileSync(path.join(baseDir, equals === -1 ? file : file.slice(equals + 1)), 'utf8');
  }
  for (const literal of entry.literals) assign(data, literal, `${entry.name} literal`);
  return data;
}

function assign(data: Record<string, string>, pair: string, origin: string): void {
  const equals = pair.indexOf('=');
  if (equals <= 0)
    throw new K8sToolError(K8sToolErrorCode.InvalidKustomization, `${origin}: "${pair}" is not KEY=VALUE`);
  data[pair.slice(0, equals)] = unquote(pair.slice(equals + 1));
}

function unquote(value: string): string {
  const quoted = value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]);
  return quoted ? value.slice(1, -1) : value;
}

export function configMapOf(name: string, data: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data };
}

/**
 * The 10-character content hash kustomize appends to generated ConfigMap names: sha256 of Go's JSON
 * encoding of {data, kind, name}, first ten hex digits with 0,1,3,a,e swapped for letters so the suffix
 * can never be read as a number or a word. kustomize v5 hashes before the generator sets the name, so
 * `name` is always empty: only the content decides the suffix (verified against `kubectl kustomize`).
 */
export function configMapHash(data: Record<string, string>): string {
  const sorted = Object.fromEntries(Object.entries(data).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const encoded = goJson({ data: sorted, kind: 'ConfigMap', name: '' });
  const hex = createHash('sha256').update(encoded).digest('hex').slice(0, 10);
  const swaps: Readonly<Record<string, string>> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex].map((digit) => swaps[digit] ?? digit).join('');
}

/** encoding/json escapes HTML characters and the JS line separators; the hash must match byte for byte. */
function goJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
