import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InfraError, InfraErrorCode } from '../infra.errors';
import { isPortFree } from '../net/free-port';
import { isProcessRunning, terminateProcess } from '../process/process-control';
import { runCommand } from '../process/run-command';
import { waitForGroupCoordinator, waitForKafka } from '../probes/kafka-probe';
import { findRepoRoot } from '../repo-root';
import { newClusterId, renderLog4j2Properties, renderServerProperties } from './broker-config';
import { findJava } from './java-runtime';
import { ensureKafkaJars } from './kafka-jars';

export interface LocalKafkaBrokerOptions {
  /** Client port; the KRaft controller listens on port + 1. */
  readonly port: number;
  /** Holds the configuration, the partitions, the logs and `broker.json`; reused across restarts. */
  readonly dataDir: string;
  readonly heapMb?: number;
  readonly readyTimeoutMs?: number;
  /** Repository root (for tools/kafka/pom.xml and the jar cache); found from this file by default. */
  readonly root?: string;
}

/** What `broker.json` in the data dir records, so any process can find, stop and restart the broker. */
interface BrokerRecord {
  readonly port: number;
  readonly heapMb: number;
  readonly readyTimeoutMs: number;
  readonly root: string;
  readonly pid?: number;
}

/** SIGTERM first; Kafka gets this long to shut down cleanly before SIGKILL. */
export const BROKER_STOP_GRACE_MS = 30_000;
const RECORD_FILE = 'broker.json';

/**
 * A single-node KRaft broker run from Apache Kafka's jars (no Docker). The handle can be rebuilt from
 * its data dir in another process (`LocalKafkaBroker.attach`), and `stop()` / `start()` keep the same
 * port and data, which is what tests use to prove that no event is lost across a broker restart.
 */
export class LocalKafkaBroker {
  private pid: number | undefined;

  private constructor(
    readonly port: number,
    readonly dataDir: string,
    private readonly heapMb: number,
    private readonly readyTimeoutMs: number,
    private readonly root: string,
    pid?: number,
  ) {
    this.pid = pid;
  }

  static create(options: LocalKafkaBrokerOptions): LocalKafkaBroker {
    return new LocalKafkaBroker(
      options.port,
      path.resolve(options.dataDir),
      options.heapMb ?? 512,
      options.readyTimeoutMs ?? 120_000,
      options.root ?? findRepoRoot(),
    );
  }

  /** The broker whose data dir is `dataDir`, as recorded by the process that started it. */
  static attach(dataDir: string): LocalKafkaBroker {
    const file = path.join(path.resolve(dataDir), RECORD_FILE);
    let record: BrokerRecord;
    try {
      record = JSON.parse(readFileSync(file, 'utf8')) as BrokerRecord;
    } catch (err) {
      throw new InfraError(InfraErrorCode.StateFileInvalid, `Cannot read the broker record ${file}.`, { cause: err });
    }
    return new LocalKafkaBroker(
      record.port,
      path.resolve(dataDir),
      record.heapMb,
      record.readyTimeoutMs,
      record.root,
      record.pid,
    );
  }

  /**
   * The broker recorded in `dataDir` if it is still running: e.g. `infra up` was interrupted after the
   * broker was spawned but before the state file was written. Adopting it beats failing on a busy port.
   */
  static async findRunning(dataDir: string): Promise<LocalKafkaBroker | undefined> {
    if (!existsSync(path.join(path.resolve(dataDir), RECORD_FILE))) return undefined;
    const broker = LocalKafkaBroker.attach(dataDir);
    return (await broker.isRunning()) ? broker : undefined;
  }

  get controllerPort(): number {
    return this.port + 1;
  }

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  get processId(): number | undefined {
    return this.pid;
  }

  get logFile(): string {
    return path.join(this.dataDir, 'broker.out');
  }

  async isRunning(): Promise<boolean> {
    return this.pid !== undefined && (await isProcessRunning(this.pid, this.serverProperties));
  }

  /** Starts the broker (formatting storage on first start) and resolves once describeCluster succeeds. */
  async start(): Promise<void> {
    if (await this.isRunning()) {
      await this.waitUntilReady();
      return;
    }
    const java = await findJava();
    const jars = await ensureKafkaJars(this.root);
    await this.assertPortsFree();
    this.writeConfiguration();
    const classPath = path.join(jars.dir, '*');
    if (!existsSync(path.join(this.logDirs, 'meta.properties'))) await this.formatStorage(java.executable, classPath);

    const out = openSync(this.logFile, 'a');
    try {
      const child = spawn(java.executable, this.jvmArguments(classPath), {
        cwd: this.dataDir,
        // Detached, so the broker outlives `revisit infra up` and the Jest process that started it.
        detached: true,
        stdio: ['ignore', out, out],
      });
      child.on('error', () => undefined);
      child.unref();
      this.pid = child.pid;
    } finally {
      closeSync(out);
    }
    this.saveRecord();
    await this.waitUntilReady();
  }

  /** SIGTERM, then SIGKILL after 30 s. Keeps the data dir so `start()` resumes with every event intact. */
  async stop(): Promise<void> {
    if (this.pid === undefined) return;
    try {
      await terminateProcess(this.pid, this.serverProperties, BROKER_STOP_GRACE_MS);
    } catch (err) {
      throw new InfraError(InfraErrorCode.BrokerStopFailed, `Kafka broker (pid ${this.pid}) did not stop.`, {
        cause: err,
      });
    }
    this.pid = undefined;
    this.saveRecord();
  }

  private get serverProperties(): string {
    return path.join(this.dataDir, 'server.properties');
  }

  private get log4jProperties(): string {
    return path.join(this.dataDir, 'log4j2.properties');
  }

  private get logDirs(): string {
    return path.join(this.dataDir, 'kraft');
  }

  private async waitUntilReady(): Promise<void> {
    let result = await waitForKafka(this.brokers, {
      timeoutMs: this.readyTimeoutMs,
      stillStarting: () => this.isRunning(),
    });
    if (result.reachable) {
      // Ready means consumer groups can join too, not only that metadata answers.
      result = await waitForGroupCoordinator(this.brokers, { timeoutMs: this.readyTimeoutMs });
      if (result.reachable) return;
    }
    if (!(await this.isRunning())) {
      throw new InfraError(
        InfraErrorCode.BrokerExited,
        `Kafka broker on port ${this.port} exited while starting; see ${this.logFile}.\n${this.logTail(8)}`,
      );
    }
    await this.stop();
    throw new InfraError(
      InfraErrorCode.BrokerNotReady,
      `Kafka broker on port ${this.port} did not answer within ${this.readyTimeoutMs / 1000} s (${result.detail ?? 'no detail'}); see ${this.logFile}.`,
    );
  }

  private async assertPortsFree(): Promise<void> {
    for (const port of [this.port, this.controllerPort]) {
      if (!(await isPortFree(port))) {
        throw new InfraError(
          InfraErrorCode.PortInUse,
          `Port ${port} is already in use, so the local Kafka broker cannot start; stop what listens there or set REVISIT_KAFKA_PORT to another port (the controller uses port + 1).`,
        );
      }
    }
  }

  private writeConfiguration(): void {
    mkdirSync(path.join(this.dataDir, 'logs'), { recursive: true });
    const input = { port: this.port, controllerPort: this.controllerPort, logDirs: this.logDirs };
    writeFileSync(this.serverProperties, renderServerProperties(input));
    writeFileSync(this.log4jProperties, renderLog4j2Properties());
  }

  private async formatStorage(java: string, classPath: string): Promise<void> {
    const result = await runCommand(
      java,
      [
        '-cp',
        classPath,
        `-Dlog4j2.configurationFile=${this.log4jProperties}`,
        'kafka.tools.StorageTool',
        'format',
        '-t',
        newClusterId(),
        '-c',
        this.serverProperties,
        '--ignore-formatted',
      ],
      { timeoutMs: 120_000, cwd: this.dataDir },
    );
    if (result.code !== 0) {
      throw new InfraError(
        InfraErrorCode.StorageFormatFailed,
        `Formatting Kafka storage in ${this.logDirs} failed (${result.error ?? `exit ${result.code}`}).\n${`${result.stdout}${result.stderr}`.trim().split('\n').slice(-5).join('\n')}`,
      );
    }
  }

  private jvmArguments(classPath: string): string[] {
    return [
      `-Xms${this.heapMb}m`,
      `-Xmx${this.heapMb}m`,
      '-XX:+UseG1GC',
      '-Djava.awt.headless=true',
      `-Dkafka.logs.dir=${path.join(this.dataDir, 'logs')}`,
      `-Dlog4j2.configurationFile=${this.log4jProperties}`,
      '-cp',
      classPath,
      'kafka.Kafka',
      this.serverProperties,
    ];
  }

  private saveRecord(): void {
    mkdirSync(this.dataDir, { recursive: true });
    const record: BrokerRecord = {
      port: this.port,
      heapMb: this.heapMb,
      readyTimeoutMs: this.readyTimeoutMs,
      root: this.root,
      ...(this.pid !== undefined ? { pid: this.pid } : {}),
    };
    writeFileSync(path.join(this.dataDir, RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
  }

  private logTail(lines: number): string {
    try {
      return readFileSync(this.logFile, 'utf8').trim().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }
}
