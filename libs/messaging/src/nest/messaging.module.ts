import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { DomainEventCatalogue } from '../core/domain-catalogue';
import { MessagingReadiness } from '../health/messaging-readiness';
import { MessagingRuntime } from '../messaging-runtime';
import { Outbox } from '../outbox/outbox';
import { HandlerRegistry } from '../registry/handler-registry';
import { HandlerExplorer } from './handler-explorer';
import { MESSAGING_OPTIONS, type MessagingModuleOptions } from './messaging-module.options';

/** Wires discovery into the runtime and ties it to Nest's lifecycle. */
@Injectable()
class MessagingLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    private readonly explorer: HandlerExplorer,
    private readonly registry: HandlerRegistry,
    private readonly runtime: MessagingRuntime,
  ) {}

  onModuleInit(): void {
    this.explorer.registerAll(this.registry);
    // Throws MessagingError(MissingHandler | DuplicateHandler) naming types and providers: boot fails.
    this.runtime.validate();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.autoStart === false) return;
    await this.runtime.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Safe when never started; with autoStart off main.ts started the runtime itself.
    await this.runtime.stop();
  }
}

/** `MessagingModule.forRoot({ app, schema, groupId, subscriptions, brokers, catalogue })`. */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: HandlerRegistry, useValue: new HandlerRegistry() },
        {
          provide: MessagingRuntime,
          inject: [DataSource, HandlerRegistry],
          useFactory: (dataSource: DataSource, registry: HandlerRegistry) =>
            new MessagingRuntime(dataSource, options.catalogue ?? new DomainEventCatalogue(), registry, options),
        },
        { provide: Outbox, inject: [MessagingRuntime], useFactory: (runtime: MessagingRuntime) => runtime.outbox },
        {
          provide: MessagingReadiness,
          inject: [MessagingRuntime],
          useFactory: (runtime: MessagingRuntime) => runtime.readiness,
        },
        HandlerExplorer,
        MessagingLifecycle,
      ],
      exports: [Outbox, MessagingReadiness, MessagingRuntime, HandlerRegistry],
    };
  }
}
