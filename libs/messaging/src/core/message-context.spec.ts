import { trace } from '@opentelemetry/api';
import { currentCorrelationId } from '@revisit/observability';
import { currentMessageContext, extractTraceContext, runInMessageContext } from './message-context';

const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('message context', () => {
  it('extracts the W3C trace context from the traceparent header', () => {
    const spanContext = trace.getSpanContext(extractTraceContext({ traceparent: TRACEPARENT }));
    expect(spanContext).toMatchObject({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331' });
    expect(trace.getSpanContext(extractTraceContext({}))).toBeUndefined();
  });

  it('exposes event id, correlation id and trace parent to code the handler calls, and to the logger', async () => {
    const seen = await runInMessageContext({ traceparent: TRACEPARENT, 'x-correlation-id': 'corr-42' }, 'event-1', () =>
      Promise.resolve({ message: currentMessageContext(), logCorrelation: currentCorrelationId() }),
    );
    expect(seen).toEqual({
      message: { eventId: 'event-1', correlationId: 'corr-42', traceparent: TRACEPARENT },
      logCorrelation: 'corr-42',
    });
    expect(currentMessageContext()).toBeUndefined();
  });

  it('falls back to the event id as correlation id for the logger', async () => {
    const logCorrelation = await runInMessageContext({}, 'event-2', () => Promise.resolve(currentCorrelationId()));
    expect(logCorrelation).toBe('event-2');
  });
});
