import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InfraErrorCode } from '../infra.errors';
import { findRepoRoot } from '../repo-root';
import { findJava, MINIMUM_JAVA_MAJOR } from './java-runtime';
import { ensureKafkaJars, kafkaJarsPresent, pinnedKafkaVersion } from './kafka-jars';

const root = findRepoRoot();

describe('prerequisites of the local broker', () => {
  it('finds the Java runtime of this machine and checks its version', async () => {
    const java = await findJava();
    expect(java.major).toBeGreaterThanOrEqual(MINIMUM_JAVA_MAJOR);
  });

  it('says in one sentence what to install when Java is missing', async () => {
    const attempt = findJava({ ...process.env, JAVA_HOME: path.join(os.tmpdir(), 'no-such-jdk') });
    await expect(attempt).rejects.toMatchObject({ code: InfraErrorCode.JavaMissing });
    await expect(attempt).rejects.toThrow(
      /^No Java runtime found; set KAFKA_BROKERS .* install Java 17\+ and Maven\.$/,
    );
  });

  it('uses the cached jars of the pinned Kafka version without running Maven', async () => {
    const version = pinnedKafkaVersion(path.join(root, 'tools', 'kafka', 'pom.xml'));
    expect(kafkaJarsPresent(path.join(root, '.cache', 'kafka', 'libs'), version)).toBe(true);
    // An empty PATH proves Maven is not needed once the jars are cached.
    await expect(ensureKafkaJars(root, { PATH: '' })).resolves.toMatchObject({ kafkaVersion: version, fetched: false });
  });

  it('asks for Maven (or KAFKA_BROKERS) when the jars are not cached and mvn is absent', async () => {
    const fresh = mkdtempSync(path.join(os.tmpdir(), 'revisit-jars-'));
    try {
      mkdirSync(path.join(fresh, 'tools', 'kafka'), { recursive: true });
      copyFileSync(path.join(root, 'tools', 'kafka', 'pom.xml'), path.join(fresh, 'tools', 'kafka', 'pom.xml'));
      const attempt = ensureKafkaJars(fresh, { PATH: '' });
      await expect(attempt).rejects.toMatchObject({ code: InfraErrorCode.MavenMissing });
      await expect(attempt).rejects.toThrow(/install Maven \(mvn\) or set KAFKA_BROKERS\.$/);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
