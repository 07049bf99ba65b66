import { kafkaHeadersOf, type EventEnvelope as DomainEnvelope } from '@revisit/domain';
import { type EventEnvelope } from './event-envelope';
import { type HeaderMap } from './message-headers';

/**
 * Headers published with an envelope, built by the catalogue's own function so producers and the
 * AsyncAPI document agree. It reads only envelope attributes, which every envelope here has.
 */
export function headersOf(envelope: EventEnvelope): HeaderMap {
  return kafkaHeadersOf(envelope as unknown as DomainEnvelope);
}
