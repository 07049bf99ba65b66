import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The layering (domain <- infra libs <- apps, never app -> app) is enforced by @nx/enforce-module-boundaries.
// These tests lint probe sources placed inside real projects, so a misconfigured rule or tag fails here.
const root = path.resolve(__dirname, '../..');

function boundaryErrors(probeFile: string, source: string): string[] {
  const run = spawnSync(process.execPath, [path.join(__dirname, 'lint-probe.mjs'), probeFile], {
    cwd: root,
    input: source,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (run.status !== 0) throw new Error(`lint probe failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[];
}

describe('module boundaries', () => {
  jest.setTimeout(60_000);

  it('refuses an app importing another app', () => {
    const errors = boundaryErrors(
      'apps/outreach/src/boundary-probe.ts',
      "import { x } from '../../scheduler/src/main';\nexport const y = x;\n",
    );
    expect(errors.join('\n')).toMatch(/enforce-module-boundaries/);
  });

  it('refuses libs/domain importing an infrastructure lib or a framework', () => {
    const infra = boundaryErrors(
      'libs/domain/src/boundary-probe.ts',
      "import { x } from '@revisit/messaging';\nexport const y = x;\n",
    );
    expect(infra.join('\n')).toMatch(/enforce-module-boundaries/);
    const nest = boundaryErrors(
      'libs/domain/src/boundary-probe.ts',
      "import { Injectable } from '@nestjs/common';\nexport const y = Injectable;\n",
    );
    expect(nest.join('\n')).toMatch(/no-restricted-imports/);
  });

  it('keeps libs/sample-data free of infrastructure libs and frameworks', () => {
    const infra = boundaryErrors(
      'libs/sample-data/src/boundary-probe.ts',
      "import { x } from '@revisit/persistence';\nexport const y = x;\n",
    );
    expect(infra.join('\n')).toMatch(/enforce-module-boundaries/);
    const orm = boundaryErrors(
      'libs/sample-data/src/boundary-probe.ts',
      "import { DataSource } from 'typeorm';\nexport const y = DataSource;\n",
    );
    expect(orm.join('\n')).toMatch(/no-restricted-imports/);
  });

  it('allows an app to use the domain and infrastructure libs', () => {
    const errors = boundaryErrors(
      'apps/outreach/src/boundary-probe.ts',
      "import { parseResidentIdCard } from '@revisit/domain';\nimport { x } from '@revisit/messaging';\nexport const y = [parseResidentIdCard, x];\n",
    );
    expect(errors).toEqual([]);
  });
});
