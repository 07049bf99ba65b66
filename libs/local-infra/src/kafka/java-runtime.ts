import path from 'node:path';
import { InfraError, InfraErrorCode } from '../infra.errors';
import { runCommand } from '../process/run-command';

export const MINIMUM_JAVA_MAJOR = 17;

export interface JavaRuntime {
  readonly executable: string;
  readonly major: number;
}

/** Extracts the major version from `java -version` output: "17.0.15" -> 17, legacy "1.8.0_392" -> 8. */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

/** The Java runtime to run Kafka with: `$JAVA_HOME/bin/java` when set, else `java` on the PATH. */
export async function findJava(env: NodeJS.ProcessEnv = process.env): Promise<JavaRuntime> {
  const executable = env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java';
  const result = await runCommand(executable, ['-version'], { timeoutMs: 20_000 });
  if (result.error === 'not-found' || result.code === null) {
    throw new InfraError(
      InfraErrorCode.JavaMissing,
      `No Java runtime found; set KAFKA_BROKERS to an existing broker, start Docker, or install Java ${MINIMUM_JAVA_MAJOR}+ and Maven.`,
    );
  }
  const major = parseJavaMajor(`${result.stderr}\n${result.stdout}`);
  if (major === undefined || major < MINIMUM_JAVA_MAJOR) {
    throw new InfraError(
      InfraErrorCode.JavaTooOld,
      `Kafka 4 needs Java ${MINIMUM_JAVA_MAJOR}+ but ${executable} is ${major ?? 'of an unknown version'}; install Java ${MINIMUM_JAVA_MAJOR}+ (or point JAVA_HOME at it) or set KAFKA_BROKERS.`,
    );
  }
  return { executable, major };
}
