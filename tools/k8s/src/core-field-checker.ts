import path from 'node:path';
import ts from 'typescript';
import { isPlainObject, type KubeObject } from './kube-object';
import { REPO_ROOT } from './paths';

/** `apiVersion/kind` -> the kubernetes-models module and interface that declare its fields. */
const DECLARATIONS: Readonly<Record<string, readonly [string, string]>> = {
  'v1/ConfigMap': ['kubernetes-models/v1/ConfigMap', 'IConfigMap'],
  'v1/Service': ['kubernetes-models/v1/Service', 'IService'],
  'v1/ServiceAccount': ['kubernetes-models/v1/ServiceAccount', 'IServiceAccount'],
  'apps/v1/Deployment': ['kubernetes-models/apps/v1/Deployment', 'IDeployment'],
  'apps/v1/StatefulSet': ['kubernetes-models/apps/v1/StatefulSet', 'IStatefulSet'],
  'autoscaling/v2/HorizontalPodAutoscaler': [
    'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler',
    'IHorizontalPodAutoscaler',
  ],
  'batch/v1/Job': ['kubernetes-models/batch/v1/Job', 'IJob'],
  'networking.k8s.io/v1/Ingress': ['kubernetes-models/networking.k8s.io/v1/Ingress', 'IIngress'],
  'networking.k8s.io/v1/NetworkPolicy': ['kubernetes-models/networking.k8s.io/v1/NetworkPolicy', 'INetworkPolicy'],
  'policy/v1/PodDisruptionBudget': ['kubernetes-models/policy/v1/PodDisruptionBudget', 'IPodDisruptionBudget'],
};

interface TypeIndex {
  readonly checker: ts.TypeChecker;
  readonly types: ReadonlyMap<string, ts.Type>;
}

let index: TypeIndex | undefined;

/**
 * Unknown fields in built-in kinds: the generated validators accept any extra property, and the API
 * server would drop it silently (a misspelt `livenessProbes` would simply leave the pod without a probe).
 * The field names come from the TypeScript declarations `kubernetes-models` generates from the same
 * OpenAPI document as its validators. `undefined` for kinds not declared here.
 */
export function unknownCoreFields(object: KubeObject): string[] | undefined {
  const { checker, types } = typeIndex();
  const type = types.get(`${object.apiVersion}/${object.kind}`);
  if (!type) return undefined;
  const findings: string[] = [];
  walk(checker, object, type, '', findings);
  return findings;
}

function walk(checker: ts.TypeChecker, value: unknown, declared: ts.Type, at: string, findings: string[]): void {
  const type = checker.getNonNullableType(declared);
  if (Array.isArray(value)) {
    if (!checker.isArrayType(type)) return;
    const [element] = checker.getTypeArguments(type as ts.TypeReference);
    if (element) value.forEach((item, position) => walk(checker, item, element, `${at}/${position}`, findings));
    return;
  }
  // Unions (int-or-string, quantities) and primitives carry no field list to check against.
  if (!isPlainObject(value) || type.isUnion() || !(type.flags & ts.TypeFlags.Object)) return;
  const indexType = checker.getIndexInfoOfType(type, ts.IndexKind.String)?.type;
  for (const [field, child] of Object.entries(value)) {
    const property = type.getProperty(field);
    if (property) walk(checker, child, checker.getTypeOfSymbol(property), `${at}/${field}`, findings);
    else if (indexType) walk(checker, child, indexType, `${at}/${field}`, findings);
    else findings.push(`${at || '/'}: unknown field "${field}"`);
  }
}

/** One TypeScript program over the declarations, built on first use (about a second). */
function typeIndex(): TypeIndex {
  if (index) return index;
  const entryFile = path.join(REPO_ROOT, 'tools', 'k8s', '__kubernetes-models-types__.ts');
  const keys = Object.keys(DECLARATIONS);
  const entrySource = keys
    .map((key, position) => {
      const [module, name] = DECLARATIONS[key] as readonly [string, string];
      return `import type { ${name} as T${position} } from '${module}';\nexport declare const t${position}: T${position};`;
    })
    .join('\n');
  const options: ts.CompilerOptions = {
    noEmit: true,
    strict: true,
    skipLibCheck: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (file) => file === entryFile || ts.sys.fileExists(file);
  host.readFile = (file) => (file === entryFile ? entrySource : readFile(file));
  host.getSourceFile = (file, language, onError) =>
    file === entryFile ? ts.createSourceFile(file, entrySource, language) : getSourceFile(file, language, onError);
  const program = ts.createProgram([entryFile], options, host);
  const checker = program.getTypeChecker();
  const entry = program.getSourceFile(entryFile);
  const exported = entry ? checker.getExportsOfModule(checker.getSymbolAtLocation(entry) as ts.Symbol) : [];
  const types = new Map<string, ts.Type>();
  keys.forEach((key, position) => {
    const symbol = exported.find((candidate) => candidate.name === `t${position}`);
    if (symbol) types.set(key, checker.getTypeOfSymbol(symbol));
  });
  index = { checker, types };
  return index;
}
