import { clusterPolicyFindings, partitionBoundFindings } from './cluster-policies';
import { containerPolicyFindings } from './container-policies';
import { unknownCoreFields } from './core-field-checker';
import { validateCoreObject } from './core-validator';
import { CrdValidator } from './crd-validator';
import { objectKey, type KubeObject } from './kube-object';
import { SCHEMA_DIR } from './paths';
import { workloadOf } from './pod-specs';
import { referenceFindings } from './reference-policies';

/**
 * Every finding for a rendered set of objects: schema errors (built-in kinds and vendored CRDs; a kind
 * with no schema is itself a finding), per-container policies, cross-object policies and references that
 * must resolve inside the render. Empty = valid.
 */
export function validateObjects(objects: readonly KubeObject[], schemaDir: string = SCHEMA_DIR): string[] {
  const crds = new CrdValidator(schemaDir);
  const findings: string[] = [];
  for (const object of objects) {
    const key = objectKey(object);
    const schemaErrors = validateCoreObject(object) ?? crds.validate(object);
    if (schemaErrors === undefined) findings.push(`${key}: no schema for ${object.apiVersion} ${object.kind}`);
    else findings.push(...schemaErrors.map((error) => `${key}: ${error}`));
    findings.push(...(unknownCoreFields(object) ?? []).map((error) => `${key}: ${error}`));
    const workload = workloadOf(object);
    if (workload) findings.push(...containerPolicyFindings(workload).map((finding) => `${key}: ${finding}`));
  }
  findings.push(...clusterPolicyFindings(objects), ...partitionBoundFindings(objects), ...referenceFindings(objects));
  return findings;
}
