import 'reflect-metadata';

export const EVENT_HANDLER_METADATA = 'revisit:messaging:event-handler';

/**
 * Marks a provider method as the handler of one event type. The method receives the envelope and a
 * HandlerContext whose `manager` is the transaction that also records the inbox row.
 */
export function EventHandler(type: string): MethodDecorator {
  return (_target, _property, descriptor) => {
    Reflect.defineMetadata(EVENT_HANDLER_METADATA, type, descriptor.value as object);
    return descriptor;
  };
}

export function eventHandlerTypeOf(method: unknown): string | undefined {
  if (typeof method !== 'function') return undefined;
  const type: unknown = Reflect.getMetadata(EVENT_HANDLER_METADATA, method);
  return typeof type === 'string' ? type : undefined;
}
