import { readFileSync } from 'node:fs';

export interface ResolvedEnv {
  readonly values: Record<string, string>;
  readonly problems: string[];
}

/**
 * Resolves `<NAME>_FILE` (Docker/Kubernetes mounted secrets) for each declared key: the file's content,
 * without its trailing newline, becomes the value of `<NAME>`. Setting both is ambiguous and reported.
 */
export function resolveEnv(keys: readonly string[], env: NodeJS.ProcessEnv): ResolvedEnv {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  for (const key of keys) {
    const direct = env[key];
    const file = env[`${key}_FILE`];
    if (file !== undefined && file !== '') {
      if (direct !== undefined && direct !== '') {
        problems.push(`${key}: set either ${key} or ${key}_FILE, not both`);
        continue;
      }
      try {
        values[key] = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
        problems.push(`${key}: cannot read ${key}_FILE (${code})`);
      }
    } else if (direct !== undefined && direct !== '') {
      values[key] = direct;
    }
  }
  return { values, problems };
}
