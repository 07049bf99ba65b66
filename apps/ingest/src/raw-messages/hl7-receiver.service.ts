import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type FeedSource } from '../sources/feed-source.entity';
import { type FeedChannel } from './raw-message.entity';
import { type ReceiveOptions } from './use-cases/receive-hl7-message';
import { type ReceivedHl7Payload, receiveHl7PayloadIn } from './use-cases/receive-hl7-payload';
import { INGEST_RECEIVE_OPTIONS } from './raw-messages.tokens';

/** The one entry for HL7 v2 from any channel: the ACK is returned only once the transaction committed. */
@Injectable()
export class Hl7Receiver {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(INGEST_RECEIVE_OPTIONS) private readonly options: ReceiveOptions,
  ) {}

  receive(bytes: Uint8Array, channel: FeedChannel, source: FeedSource | undefined): Promise<ReceivedHl7Payload> {
    return this.dataSource.transaction((manager) => receiveHl7PayloadIn(manager, bytes, channel, this.options, source));
  }
}
