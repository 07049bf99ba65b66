import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { type EventEnvelope } from '../core/event-envelope';
import { eventHandlerTypeOf } from '../registry/event-handler.decorator';
import { type HandlerContext, type HandlerRegistry } from '../registry/handler-registry';

type HandlerMethod = (envelope: EventEnvelope, context: HandlerContext) => Promise<void>;

/** Finds every `@EventHandler` method on the app's providers and registers it. */
@Injectable()
export class HandlerExplorer {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  registerAll(registry: HandlerRegistry): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object' || wrapper.isNotMetatype) continue;
      const prototype = Object.getPrototypeOf(instance) as object | null;
      if (!prototype) continue;
      const target = instance as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const type = eventHandlerTypeOf(target[name]);
        if (!type) continue;
        const method = (target[name] as HandlerMethod).bind(instance);
        registry.register(type, method, `${instance.constructor.name}.${name}`);
      }
    }
  }
}
