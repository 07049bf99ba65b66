import { Counter, Gauge, type Registry } from 'prom-client';
import { type MessageLinkOutcome } from './link-stored-message';

/** What operators watch on the EMPI stage: how far behind it is and what it turned messages into. */
export class EmpiFeedMetrics {
  readonly messages: Counter<'outcome'>;
  readonly events: Counter<'kind'>;
  readonly backlog: Gauge;

  constructor(registry: Registry) {
    this.messages = new Counter({
      name: 'ingest_empi_messages_total',
      help: 'Stored feed messages taken through the EMPI, by outcome (linked, set-aside)',
      labelNames: ['outcome'],
      registers: [registry],
    });
    this.events = new Counter({
      name: 'ingest_empi_events_total',
      help: 'Normalised events of those messages: published as catalogue events, or held with a code',
      labelNames: ['kind'],
      registers: [registry],
    });
    this.backlog = new Gauge({
      name: 'ingest_empi_backlog_messages',
      help: 'Accepted messages not yet through the EMPI (sampled when the stage runs dry or fails)',
      registers: [registry],
    });
  }

  linked(outcome: MessageLinkOutcome): void {
    this.messages.inc({ outcome: 'linked' });
    this.events.inc({ kind: 'published' }, outcome.published);
    if (outcome.held.length > 0) this.events.inc({ kind: 'held' }, outcome.held.length);
  }
}
