import { type EventCatalogue } from '../core/event-catalogue.port';
import { type MessagingLogger } from '../core/messaging-logger';
import { type MessagingRuntimeOptions } from '../messaging-runtime';

export interface MessagingModuleOptions extends Omit<MessagingRuntimeOptions, 'logger'> {
  /** Defaults to the platform catalogue from @revisit/domain (DomainEventCatalogue). */
  catalogue?: EventCatalogue;
  logger?: MessagingLogger;
  /**
   * Start relay and consumers on application bootstrap (default). Set false when main.ts starts
   * them itself once the HTTP server listens: `app.get(MessagingRuntime).start()`.
   */
  autoStart?: boolean;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
