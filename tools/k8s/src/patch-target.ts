import type { PatchTarget } from './kustomization';
import { groupOf, versionOf, type KubeObject } from './kube-object';

/** kustomize's patch target: every given field must match; `name` and `namespace` are anchored regexes. */
export function matchesTarget(object: KubeObject, target: PatchTarget): boolean {
  if (target.kind !== undefined && target.kind !== object.kind) return false;
  if (target.group !== undefined && target.group !== groupOf(object.apiVersion)) return false;
  if (target.version !== undefined && target.version !== versionOf(object.apiVersion)) return false;
  if (target.name !== undefined && !anchored(target.name).test(object.metadata.name)) return false;
  if (target.namespace !== undefined && !anchored(target.namespace).test(object.metadata.namespace ?? '')) return false;
  return target.labelSelector === undefined || matchesLabelSelector(object.metadata.labels ?? {}, target.labelSelector);
}

function anchored(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

/** Equality-based selectors: `a=b`, `a==b`, `a!=b`, `a`, `!a`, comma-separated (all must hold). */
export function matchesLabelSelector(labels: Readonly<Record<string, string>>, selector: string): boolean {
  return selector
    .split(',')
    .map((term) => term.trim())
    .filter(Boolean)
    .every((term) => {
      const notEqual = term.indexOf('!=');
      if (notEqual !== -1) return labels[term.slice(0, notEqual).trim()] !== term.slice(notEqual + 2).trim();
      const equal = term.indexOf('=');
      if (equal !== -1) {
        const value = term
          .slice(equal + 1)
          .replace(/^=/, '')
          .trim();
        return labels[term.slice(0, equal).trim()] === value;
      }
      if (term.startsWith('!')) return !(term.slice(1) in labels);
      return term in labels;
    });
}
