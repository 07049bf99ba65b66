import * as iconv from 'iconv-lite';
import { buildAck, type BuiltAck } from '../ack/build-ack';
import {
  type CharsetOptions,
  decodeBytes,
  declaredCharsets,
  type Hl7Charset,
  resolveCharset,
} from '../encoding/charset';
import { splitMessages } from '../framing/split-messages';
import { type Hl7ErrorLocation, Hl7RejectionCode, Hl7RejectionError } from '../hl7v2.errors';
import { type Hl7Delimiters } from '../parse/delimiters';
import { type HexDecoder } from '../parse/escape';
import { type Hl7Message } from '../parse/hl7-message';
import { assertSupportedVersion, type Hl7Header, readHeader } from '../parse/message-header';
import { parseHl7Message } from '../parse/parse-message';
import { findMapper } from '../mapping/supported-messages';
import { DEFAULT_ZONE, hl7DateTimeToIso } from '../../normalise/date-time';
import { type NormalisedEvent, type SourceRef } from '../../normalise/normalised-event';

export interface Hl7Rejection {
  readonly code: Hl7RejectionCode;
  /** Structural description only: never contains field values. */
  readonly message: string;
  readonly location?: Hl7ErrorLocation;
}

interface ResultBase {
  readonly index: number;
  readonly controlId?: string;
  readonly messageType?: string;
  readonly charset?: Hl7Charset;
  readonly ack: BuiltAck;
}

export type Hl7MessageResult =
  | (ResultBase & { readonly accepted: true; readonly events: NormalisedEvent[] })
  | (ResultBase & { readonly accepted: false; readonly rejection: Hl7Rejection });

export interface ParseHl7Options extends CharsetOptions {
  /** MSH-3/MSH-4 of the ACKs we send. */
  readonly receivingApplication?: string;
  readonly receivingFacility?: string;
  readonly now?: () => Date;
  readonly newControlId?: () => string;
  /** IANA zone for times without an offset (per feed; default Asia/Shanghai). */
  readonly zone?: string;
  /**
   * Checks a mapped message before it is accepted (e.g. that its source may write these identifier
   * systems); throwing an `Hl7RejectionError` turns it into a rejection with a proper ACK.
   */
  readonly checkEvents?: (events: readonly NormalisedEvent[]) => void;
}

function hexDecoderFor(charset: Hl7Charset): HexDecoder {
  switch (charset) {
    case 'utf-8':
      return (bytes) => bytes.toString('utf8');
    case 'gb18030':
    case 'big5':
    case 'euc-kr':
      return (bytes) => iconv.decode(bytes, charset);
    case 'ascii':
    case 'latin1':
    case 'iso-2022-jp':
      return (bytes) => bytes.toString('latin1');
  }
}

function hl7Timestamp(date: Date): string {
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  // ACK timestamps are written in UTC with an explicit offset, so no zone database is needed.
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}+0000`;
}

/** MSH-18 as sent, echoed in the ACK so the sender reads it with the same character set. */
function msh18Of(mshLine: string): string | undefined {
  const value = mshLine.startsWith('MSH') ? mshLine.split(mshLine[3]!)[17] : undefined;
  return value ? value : undefined;
}

function sourceRef(header: Hl7Header): SourceRef {
  const system = [header.sendingApplication, header.sendingFacility].filter(Boolean).join('@');
  if (!system) {
    throw new Hl7RejectionError(Hl7RejectionCode.MISSING_REQUIRED_FIELD, 'MSH-3 and MSH-4 are both empty', {
      segment: 'MSH',
      sequence: 1,
      field: 3,
    });
  }
  return { format: 'hl7v2', system, messageId: header.controlId };
}

function occurredAt(
  message: Hl7Message,
  header: Hl7Header,
  toIso: (v: string | undefined) => string | undefined,
): string | undefined {
  return toIso(message.get('EVN-6.1')) ?? toIso(message.get('EVN-2.1')) ?? toIso(header.messageTime);
}

function mapMessage(message: Hl7Message, header: Hl7Header, zone: string): NormalisedEvent[] {
  assertSupportedVersion(header);
  if (!header.messageCode || !header.triggerEvent) {
    throw new Hl7RejectionError(Hl7RejectionCode.MISSING_REQUIRED_FIELD, 'MSH-9 message type is incomplete', {
      segment: 'MSH',
      sequence: 1,
      field: 9,
    });
  }
  const mapper = findMapper(header.messageCode, header.triggerEvent);
  if (!mapper) {
    throw new Hl7RejectionError(
      Hl7RejectionCode.UNSUPPORTED_MESSAGE_TYPE,
      `Message type ${header.messageCode}^${header.triggerEvent} is not supported`,
      { segment: 'MSH', sequence: 1, field: 9 },
    );
  }
  const source = sourceRef(header);
  const toIso = (value: string | undefined): string | undefined => hl7DateTimeToIso(value, zone);
  return mapper({
    message,
    source,
    occurredAt: occurredAt(message, header, toIso),
    trigger: header.triggerEvent,
    toIso,
  });
}

/**
 * Parses a file, batch or MLLP payload into one result per message: its events, or a coded rejection,
 * and the ACK to return either way. Never throws for bad input.
 */
export function parseHl7Feed(input: Uint8Array, options: ParseHl7Options = {}): Hl7MessageResult[] {
  const now = options.now ?? (() => new Date());
  let counter = 0;
  const newControlId = options.newControlId ?? (() => `ACK${now().getTime()}${String(++counter).padStart(4, '0')}`);
  const { messages, orphanSegments } = splitMessages(input);
  const ackFor = (
    header: Hl7Header | undefined,
    delimiters: Hl7Delimiters | undefined,
    charsetField: string | undefined,
    rejection?: Hl7Rejection,
  ): BuiltAck =>
    buildAck({
      original: header,
      delimiters,
      charsetField,
      rejection: rejection
        ? { code: rejection.code, detail: rejection.message, location: rejection.location }
        : undefined,
      ackControlId: newControlId(),
      timestamp: hl7Timestamp(now()),
      receivingApplication: options.receivingApplication,
      receivingFacility: options.receivingFacility,
    });

  if (messages.length === 0) {
    const rejection: Hl7Rejection = {
      code: Hl7RejectionCode.NO_MESSAGE,
      message: orphanSegments > 0 ? 'Segments found but no MSH segment' : 'Input holds no HL7 message',
      location: { segment: 'MSH' },
    };
    return [{ index: 0, accepted: false, rejection, ack: ackFor(undefined, undefined, undefined, rejection) }];
  }

  return messages.map((raw): Hl7MessageResult => {
    let header: Hl7Header | undefined;
    let delimiters: Hl7Delimiters | undefined;
    let charset: Hl7Charset | undefined;
    const firstLine = raw.bytes.toString('latin1', 0, Math.max(0, raw.bytes.indexOf(0x0d)));
    const declared = declaredCharsets(firstLine);
    try {
      charset = resolveCharset(raw.bytes, declared, options);
      const message = parseHl7Message(decodeBytes(raw.bytes, charset), hexDecoderFor(charset));
      delimiters = message.delimiters;
      const read = readHeader(message);
      // Some v2.3 senders put only the message code in MSH-9 and the trigger in EVN-1.
      header = read.triggerEvent ? read : { ...read, triggerEvent: message.get('EVN-1')?.toUpperCase() };
      const events = mapMessage(message, header, options.zone ?? DEFAULT_ZONE);
      options.checkEvents?.(events);
      return {
        index: raw.index,
        controlId: header.controlId,
        messageType: `${header.messageCode}^${header.triggerEvent}`,
        charset,
        accepted: true,
        events,
        ack: ackFor(header, delimiters, msh18Of(firstLine)),
      };
    } catch (error: unknown) {
      const rejection: Hl7Rejection =
        error instanceof Hl7RejectionError
          ? { code: error.code, message: error.detail, location: error.location }
          : { code: Hl7RejectionCode.INTERNAL_ERROR, message: 'Unexpected failure while mapping the message' };
      const messageType = header?.messageCode ? `${header.messageCode}^${header.triggerEvent ?? ''}` : undefined;
      return {
        index: raw.index,
        controlId: header?.controlId,
        messageType,
        charset,
        accepted: false,
        rejection,
        ack: ackFor(header, delimiters, delimiters ? msh18Of(firstLine) : undefined, rejection),
      };
    }
  });
}
