import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { InfraError, InfraErrorCode } from '../infra.errors';
import { runCommand } from '../process/run-command';

const MAVEN_DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies';

export interface KafkaJarsLocation {
  /** Directory holding every runtime jar; the JVM class path is `<dir>/*`. */
  readonly dir: string;
  readonly kafkaVersion: string;
  /** True when this call downloaded them (first run on a clone). */
  readonly fetched: boolean;
}

/** The Kafka version pinned in tools/kafka/pom.xml, so the cache is refreshed when the pin changes. */
export function pinnedKafkaVersion(pomFile: string): string {
  const match = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(pomFile, 'utf8'));
  if (!match?.[1]) throw new Error(`${pomFile} has no <kafka.version> property`);
  return match[1].trim();
}

export function kafkaJarsPresent(dir: string, kafkaVersion: string): boolean {
  if (!existsSync(dir)) return false;
  const jars = new Set(readdirSync(dir));
  return jars.has(`kafka_2.13-${kafkaVersion}.jar`) && [...jars].some((j) => j.startsWith('log4j-core-'));
}

/**
 * Makes sure Apache Kafka's jars are in `.cache/kafka/libs`, fetching them from Maven Central only when
 * absent. Maven writes into a temporary directory that is renamed at the end, so an interrupted download
 * never leaves a half-filled cache that would later look complete.
 */
export async function ensureKafkaJars(root: string, env: NodeJS.ProcessEnv = process.env): Promise<KafkaJarsLocation> {
  const pomFile = path.join(root, 'tools', 'kafka', 'pom.xml');
  const dir = path.join(root, '.cache', 'kafka', 'libs');
  const kafkaVersion = pinnedKafkaVersion(pomFile);
  if (kafkaJarsPresent(dir, kafkaVersion)) return { dir, kafkaVersion, fetched: false };

  const staging = `${dir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  const mvn = process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
  const result = await runCommand(
    mvn,
    ['-B', '-q', '-f', pomFile, MAVEN_DEPENDENCY_PLUGIN, '-DincludeScope=runtime', `-DoutputDirectory=${staging}`],
    { timeoutMs: 15 * 60_000, cwd: root, env },
  );
  if (result.error === 'not-found') {
    throw new InfraError(
      InfraErrorCode.MavenMissing,
      "Kafka's jars are not cached yet and Maven is not installed; install Maven (mvn) or set KAFKA_BROKERS.",
    );
  }
  if (result.code !== 0 || !kafkaJarsPresent(staging, kafkaVersion)) {
    rmSync(staging, { recursive: true, force: true });
    const detail = lastLines(`${result.stdout}\n${result.stderr}`, 5);
    throw new InfraError(
      InfraErrorCode.KafkaJarsFetchFailed,
      `Fetching Kafka ${kafkaVersion} from Maven Central failed (${result.error ?? `exit ${result.code}`}); check network access to Maven Central and retry.${detail ? `\n${detail}` : ''}`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  return { dir, kafkaVersion, fetched: true };
}

function lastLines(text: string, count: number): string {
  return text.trim().split('\n').slice(-count).join('\n');
}
