// One swc configuration for the build (tools/build.mjs) and for Jest (@swc/jest), so what is tested is
// compiled exactly as what ships. Nest's dependency injection needs legacy decorators with metadata.
const path = require('node:path');

const root = path.resolve(__dirname, '..');

/** @param {{ paths?: boolean }} [opts] */
function swcOptions(opts = {}) {
  const tsconfig = require(path.join(root, 'tsconfig.base.json'));
  return {
    sourceMaps: true,
    module: { type: 'commonjs' },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
      ...(opts.paths ? { baseUrl: root, paths: tsconfig.compilerOptions.paths } : {}),
    },
  };
}

module.exports = { swcOptions, root };
