import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { findRepoRoot } from '@revisit/local-infra';
import { chromium, type Browser } from 'playwright-core';

// Debian's Chromium, installed by tools/bootstrap.mjs; playwright's own browser download is never used.
export const CHROMIUM = process.env['REVISIT_CHROMIUM'] ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Running as root in a container: Chromium's sandbox needs user namespaces it does not get there.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=zh-CN'],
  });
}

/** Where screenshots go so CI keeps them as artefacts. */
export function artifactPath(name: string): string {
  const dir = path.join(findRepoRoot(), 'test-artifacts', 'console');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
