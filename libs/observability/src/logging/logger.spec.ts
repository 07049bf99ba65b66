import { Writable } from 'node:stream';
import { context, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { runWithCorrelationId } from './correlation';
import { createLogger } from './create-logger';
import { NestPinoLogger } from './nest-logger';

function memoryLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  const logger = createLogger({ service: 'test', level: 'trace', destination });
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const PHONE = '13912345678';
const ID_CARD = '11010519491231002X';
const NAME = '张三丰';

describe('createLogger', () => {
  it('never writes a patient record or the phone and ID number inside an error message', () => {
    const { logger, lines } = memoryLogger();
    const patient = {
      patientId: 'p-42',
      name: NAME,
      phone: PHONE,
      idCard: ID_CARD,
      address: '北京市东城区某街1号',
      birthDate: '1949-12-31',
    };
    const error = new Error(`insert failed for ${NAME} (mobile ${PHONE}, id ${ID_CARD})`);

    logger.info({ patient }, `registered patient ${PHONE}`);
    logger.error({ err: error, patient }, 'could not store patient');
    logger.warn(error);
    new NestPinoLogger(logger).error(`failed for id ${ID_CARD}`, error.stack, 'PatientService');

    const output = lines.join('\n');
    expect(lines).toHaveLength(4);
    for (const secret of [PHONE, ID_CARD, '1949-12-31', '北京市东城区']) expect(output).not.toContain(secret);
    expect(output).not.toContain(NAME);
    // What is not patient data survives, so the log stays useful.
    expect(output).toContain('p-42');
    expect(output).toContain('could not store patient');
    expect(output).toContain('PatientService');
  });

  it('masks secrets', () => {
    const { logger, records } = memoryLogger();
    logger.info({ headers: { authorization: 'Bearer abc', 'x-api-key': 'k' }, config: { DB_PASSWORD: 'pw' } }, 'x');
    expect(records()[0]).toMatchObject({
      headers: { authorization: '[REDACTED]', 'x-api-key': '[REDACTED]' },
      config: { DB_PASSWORD: '[REDACTED]' },
    });
  });

  it('adds the active trace, span and correlation ids', () => {
    const { logger, records } = memoryLogger();
    const spanContext = {
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: TraceFlags.SAMPLED,
    };
    const active = trace.setSpanContext(context.active(), spanContext);
    const manager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(manager);
    try {
      context.with(active, () => runWithCorrelationId('corr-1', () => logger.info('inside')));
      logger.info('outside');
    } finally {
      context.disable();
    }
    expect(records()[0]).toMatchObject({
      service: 'test',
      level: 'info',
      msg: 'inside',
      trace_id: spanContext.traceId,
      span_id: spanContext.spanId,
      correlation_id: 'corr-1',
    });
    expect(records()[1]).not.toHaveProperty('trace_id');
    expect(records()[1]).not.toHaveProperty('correlation_id');
  });
});

describe('NestPinoLogger', () => {
  it('maps Nest levels and keeps the context', () => {
    const { logger, records } = memoryLogger();
    const nest = new NestPinoLogger(logger);
    nest.log('started', 'NestApplication');
    nest.verbose('detail');
    nest.setLogLevels(['warn', 'error']);
    nest.log('hidden');
    nest.warn({ event: 'slow' }, 'Relay');
    expect(records()).toEqual([
      expect.objectContaining({ level: 'info', msg: 'started', context: 'NestApplication' }),
      expect.objectContaining({ level: 'trace', msg: 'detail' }),
      expect.objectContaining({ level: 'warn', event: 'slow', context: 'Relay' }),
    ]);
  });
});
