import { AsyncLocalStorage } from 'node:async_hooks';
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  trace,
  type Context,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { runWithCorrelationId } from '@revisit/observability';
import { EVENT_HEADERS, type HeaderMap } from './message-headers';

/** Identity of the event being handled, visible to code the handler calls (e.g. the outbox). */
export interface MessageContext {
  eventId: string;
  correlationId: string | undefined;
  traceparent: string | undefined;
}

const storage = new AsyncLocalStorage<MessageContext>();
// Used directly rather than through the global propagator so extraction works even when no SDK
// registered one; with no SDK the resulting context is simply carried, never exported.
const propagator = new W3CTraceContextPropagator();
const headerGetter: TextMapGetter<HeaderMap> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key],
};

const headerSetter: TextMapSetter<Record<string, string>> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};
const tracer = trace.getTracer('@revisit/messaging');

/**
 * The W3C traceparent of the active span (an HTTP request, a consumer span), so an event enqueued in the
 * outbox continues the trace that caused it; undefined when no span is active.
 */
export function activeTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagator.inject(context.active(), carrier, headerSetter);
  return carrier['traceparent'];
}

export function currentMessageContext(): MessageContext | undefined {
  return storage.getStore();
}

export function extractTraceContext(headers: HeaderMap): Context {
  return propagator.extract(ROOT_CONTEXT, headers, headerGetter);
}

/**
 * Runs `fn` inside a consumer span that continues the trace of the consumed message, with the correlation
 * id restored. Events the handler enqueues carry this span as their parent. With no SDK registered the span
 * is a no-op that still carries the incoming trace context.
 */
export function runInMessageContext<T>(
  headers: HeaderMap,
  eventId: string,
  fn: () => Promise<T>,
  topic = 'event',
): Promise<T> {
  const options = {
    kind: SpanKind.CONSUMER,
    attributes: { 'messaging.system': 'kafka', 'messaging.message.id': eventId, 'messaging.destination.name': topic },
  };
  return tracer.startActiveSpan(`${topic} process`, options, extractTraceContext(headers), async (span) => {
    const messageContext: MessageContext = {
      eventId,
      correlationId: headers[EVENT_HEADERS.correlationId],
      traceparent: activeTraceparent() ?? headers[EVENT_HEADERS.traceparent],
    };
    try {
      // The correlation id also goes to the logger's scope, so handler log lines carry it.
      return await storage.run(messageContext, () => runWithCorrelationId(messageContext.correlationId ?? eventId, fn));
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}
