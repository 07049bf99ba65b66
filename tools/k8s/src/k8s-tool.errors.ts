/** Every way the manifest tooling refuses its input; the CLI maps each to an exit status. */
export enum K8sToolErrorCode {
  InvalidYaml = 'invalid-yaml',
  InvalidKustomization = 'invalid-kustomization',
  UnsupportedKustomizeFeature = 'unsupported-kustomize-feature',
  MissingResource = 'missing-resource',
  DuplicateResource = 'duplicate-resource',
  PatchTargetNotFound = 'patch-target-not-found',
  InvalidPatch = 'invalid-patch',
  InvalidCrd = 'invalid-crd',
  UsageError = 'usage-error',
}

export class K8sToolError extends Error {
  constructor(
    readonly code: K8sToolErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'K8sToolError';
  }
}
