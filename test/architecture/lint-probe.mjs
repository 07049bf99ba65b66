// Lints one probe source (stdin) as if it stood at argv[2], with only the boundary rules, and prints the
// messages as JSON. Run in a child process because Jest's VM cannot load eslint.config.mjs.
import { ESLint } from 'eslint';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => ruleId === '@nx/enforce-module-boundaries' || ruleId === 'no-restricted-imports',
});
const [result] = await eslint.lintText(Buffer.concat(chunks).toString('utf8'), {
  filePath: path.join(root, process.argv[2]),
});
console.log(JSON.stringify((result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`)));
