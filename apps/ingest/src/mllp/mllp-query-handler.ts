/**
 * A read-only HL7 v2 query answered over MLLP instead of being stored as a feed message (e.g. the EMPI's
 * IHE PIX Query, QBP^Q23). Provided by the feature that owns the query; the listener only routes to it.
 */
export interface MllpQueryHandler {
  accepts(frame: Uint8Array): boolean;
  answer(frame: Uint8Array): Promise<Buffer>;
}

export const MLLP_QUERY_HANDLER = Symbol('MLLP_QUERY_HANDLER');
