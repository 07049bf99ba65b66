import { Injectable } from '@nestjs/common';
import { ReadinessRegistry } from '../health/readiness-registry';

type ListeningHook = () => Promise<void>;

/**
 * Work that must wait until the HTTP server listens, chiefly starting Kafka consumers: a consumer that
 * joins its group before the service can report readiness would take partitions it cannot yet serve well,
 * and a boot failure after consuming would leave half-processed work. Modules register here in
 * `onModuleInit`; `bootstrapService` runs the hooks in registration order once `listen` resolved.
 */
@Injectable()
export class ServiceLifecycle {
  private readonly hooks: { name: string; hook: ListeningHook }[] = [];
  private started = false;
  private completed = false;

  constructor(readiness: ReadinessRegistry) {
    // Ready only once every hook finished: before that the relay or the consumers are not running yet.
    readiness.register('startup', () =>
      this.completed ? Promise.resolve() : Promise.reject(new Error('still starting')),
    );
  }

  onListening(name: string, hook: ListeningHook): void {
    if (this.started) throw new Error(`"${name}" registered after the service started listening`);
    this.hooks.push({ name, hook });
  }

  async runListeningHooks(): Promise<string[]> {
    this.started = true;
    for (const { hook } of this.hooks) await hook();
    this.completed = true;
    return this.hooks.map(({ name }) => name);
  }
}
