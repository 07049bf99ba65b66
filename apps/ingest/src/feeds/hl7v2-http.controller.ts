import { Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Hl7Receiver } from '../raw-messages/hl7-receiver.service';
import { type FeedSource } from '../sources/feed-source.entity';
import { AuthenticatedSource, FeedSourceGuard } from '../sources/feed-source.guard';
import { readRawBody } from './read-raw-body';

const CHARSET_LABELS: Readonly<Record<string, string>> = {
  gb18030: 'gb18030',
  'iso-2022-jp': 'iso-2022-jp',
  big5: 'big5',
  'euc-kr': 'euc-kr',
  ascii: 'iso-8859-1',
  latin1: 'iso-8859-1',
};

/**
 * HL7 v2 over HTTP: the body is one ER7 message or a batch, the answer is its ACK (a batch ACK for a batch)
 * with status 200 whatever the ACK code (AA, AE and AR are all answers; only transport failures are HTTP
 * errors).
 */
@Controller('v1/hl7v2')
@UseGuards(FeedSourceGuard)
export class Hl7v2HttpController {
  constructor(private readonly receiver: Hl7Receiver) {}

  @Post()
  @HttpCode(200)
  async receive(
    @Req() request: Request,
    @Res() response: Response,
    @AuthenticatedSource() source: FeedSource,
  ): Promise<void> {
    const bytes = await readRawBody(request);
    const received = await this.receiver.receive(bytes, 'http', source);
    const charset = received.batch ? undefined : (CHARSET_LABELS[received.charset ?? ''] ?? 'utf-8');
    response
      .status(200)
      .type(charset ? `x-application/hl7-v2+er7; charset=${charset}` : 'x-application/hl7-v2+er7')
      .send(received.ackBytes);
  }
}
