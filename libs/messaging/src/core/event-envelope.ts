/**
 * CloudEvents 1.0 structured envelope as fixed by docs/engineering.md. Kept structural so the
 * catalogue types from @revisit/domain are assignable to it.
 */
export interface EventEnvelope<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: string;
  dataschema?: string;
  traceparent?: string;
  correlationid?: string;
  causationid?: string;
  orgid: string;
  data: T;
}
