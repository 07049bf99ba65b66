import { parseAllDocuments, stringify } from 'yaml';
import { K8sToolError, K8sToolErrorCode } from './k8s-tool.errors';
import { isPlainObject, type KubeObject } from './kube-object';

/** Every non-empty document of a multi-document YAML stream, each required to be a mapping. */
export function parseYamlDocuments(text: string, origin: string): Record<string, unknown>[] {
  const documents = parseAllDocuments(text);
  const result: Record<string, unknown>[] = [];
  for (const document of documents) {
    if (document.errors.length > 0) {
      throw new K8sToolError(
        K8sToolErrorCode.InvalidYaml,
        `${origin}: ${document.errors[0]?.message ?? 'invalid YAML'}`,
      );
    }
    const value: unknown = document.toJS();
    if (value === null || value === undefined) continue;
    if (!isPlainObject(value)) {
      throw new K8sToolError(K8sToolErrorCode.InvalidYaml, `${origin}: a document must be a mapping`);
    }
    result.push(value);
  }
  return result;
}

/** A multi-document YAML stream, as `kubectl apply -f -` reads it. */
export function toYamlStream(objects: readonly KubeObject[]): string {
  return objects.map((object) => stringify(object, { lineWidth: 0 })).join('---\n');
}
