import { trace } from '@opentelemetry/api';
import pino, { type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { redact } from '../redaction/redact';
import { currentCorrelationId } from './correlation';

export type LogLevel = Extract<LevelWithSilent, 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'>;
export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface LoggerOptions {
  readonly service: string;
  readonly level?: LogLevel;
  /** Where lines go; stdout by default. Tests pass an in-memory stream. */
  readonly destination?: DestinationStream;
}

// Fields we write ourselves and that can look like data (hex ids, epoch numbers): never pattern-masked.
const TRUSTED_KEYS = new Set(['level', 'time', 'pid', 'service', 'trace_id', 'span_id', 'correlation_id']);

/**
 * The JSON logger every service uses. Every line passes through redaction after serialisation, so nothing
 * reaches stdout unmasked whatever the call site logged: merged objects, messages, errors and child bindings.
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service, pid: process.pid },
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: traceAndCorrelationFields,
      hooks: { streamWrite: redactLine },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

function traceAndCorrelationFields(): Record<string, string> {
  const fields: Record<string, string> = {};
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (spanContext && spanContext.traceId !== '00000000000000000000000000000000') {
    fields['trace_id'] = spanContext.traceId;
    fields['span_id'] = spanContext.spanId;
  }
  const correlationId = currentCorrelationId();
  if (correlationId) fields['correlation_id'] = correlationId;
  return fields;
}

function redactLine(line: string): string {
  try {
    return `${JSON.stringify(redact(JSON.parse(line), TRUSTED_KEYS))}\n`;
  } catch {
    // Unparseable output must not slip through unmasked: log that the line was dropped, not the line.
    return `${JSON.stringify({ level: 'error', time: new Date().toISOString(), msg: 'log line dropped: not valid JSON' })}\n`;
  }
}
