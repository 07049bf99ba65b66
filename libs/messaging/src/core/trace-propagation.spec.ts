import { context, trace, type Span } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { activeTraceparent, currentMessageContext, runInMessageContext } from './message-context';

// With a real SDK registered: a span active at enqueue time (an HTTP request) becomes the event's
// traceparent, and consuming that event opens a consumer span in the same trace, parented to it.
describe('trace propagation across outbox and Kafka', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const contextManager = new AsyncLocalStorageContextManager();

  beforeAll(() => {
    context.setGlobalContextManager(contextManager.enable());
    trace.setGlobalTracerProvider(provider);
  });

  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
  });

  it('continues the request trace in a consumer span and in the events the handler emits', async () => {
    const requestTracer = trace.getTracer('test-http');
    let requestSpan: Span | undefined;
    const traceparent = requestTracer.startActiveSpan('POST /v1/hl7v2', (span) => {
      requestSpan = span;
      const captured = activeTraceparent();
      span.end();
      return captured;
    });
    const request = requestSpan!.spanContext();
    expect(traceparent).toBe(`00-${request.traceId}-${request.spanId}-01`);

    const emittedDuringHandling = await runInMessageContext(
      { traceparent: traceparent! },
      'event-1',
      () => Promise.resolve(currentMessageContext()?.traceparent),
      'revisit.clinical.medication-dispensed.v1',
    );

    const consumer = exporter
      .getFinishedSpans()
      .find((s) => s.name === 'revisit.clinical.medication-dispensed.v1 process');
    expect(consumer).toBeDefined();
    expect(consumer!.spanContext().traceId).toBe(request.traceId);
    expect(consumer!.parentSpanContext?.spanId).toBe(request.spanId);
    expect(emittedDuringHandling).toBe(`00-${request.traceId}-${consumer!.spanContext().spanId}-01`);
  });

  it('has no traceparent to give when no span is active', () => {
    expect(activeTraceparent()).toBeUndefined();
  });
});
