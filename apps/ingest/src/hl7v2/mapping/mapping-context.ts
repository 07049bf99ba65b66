import { type Hl7Message } from '../parse/hl7-message';
import { type SourceRef } from '../../normalise/normalised-event';

/** What every message mapper receives: the parsed message and facts read once from MSH/EVN. */
export interface MappingContext {
  readonly message: Hl7Message;
  readonly source: SourceRef;
  /** EVN-6, EVN-2 or MSH-7, as ISO-8601. */
  readonly occurredAt?: string;
  readonly trigger: string;
  /** HL7 DTM to ISO-8601, naive times read in the feed's configured zone. */
  readonly toIso: (value: string | undefined) => string | undefined;
}
