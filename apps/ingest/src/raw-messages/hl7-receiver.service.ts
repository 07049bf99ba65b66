import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type FeedSource } from '../sources/feed-source.entity';
import { GroupCommit } from './group-commit';
import { type FeedChannel } from './raw-message.entity';
import { type ReceiveOptions } from './use-cases/receive-hl7-message';
import { type Hl7Arrival, receiveHl7Group } from './use-cases/receive-hl7-group';
import { type ReceivedHl7Payload } from './use-cases/receive-hl7-payload';
import { INGEST_RECEIVE_OPTIONS } from './raw-messages.tokens';

/**
 * The one entry for HL7 v2 from any channel: the ACK is returned only once the message's row committed.
 * Payloads arriving together (several MLLP connections, HTTP) are stored together.
 */
@Injectable()
export class Hl7Receiver {
  private readonly groups: GroupCommit<Hl7Arrival, ReceivedHl7Payload>;

  constructor(dataSource: DataSource, @Inject(INGEST_RECEIVE_OPTIONS) options: ReceiveOptions) {
    // Up to four groups in flight: arrivals rarely wait for a slot while the others wait for their WAL
    // flush (the dominant cost of a commit, which PostgreSQL shares between concurrent commits), and six of
    // the pool's ten connections stay for the EMPI stage, the outbox relay and the HTTP APIs.
    this.groups = new GroupCommit((arrivals) => receiveHl7Group(dataSource, arrivals, options), {
      maxGroup: 64,
      maxConcurrent: 4,
    });
  }

  receive(bytes: Uint8Array, channel: FeedChannel, source: FeedSource | undefined): Promise<ReceivedHl7Payload> {
    return this.groups.submit({ bytes, channel, source });
  }
}
