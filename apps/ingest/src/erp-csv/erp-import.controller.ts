import { Controller, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { FeedError, FeedErrorCode } from '../feeds/feed.errors';
import { INGEST_RECEIVE_OPTIONS } from '../raw-messages/raw-messages.tokens';
import { type ReceiveOptions } from '../raw-messages/use-cases/receive-hl7-message';
import { type FeedSource } from '../sources/feed-source.entity';
import { AuthenticatedSource, FeedSourceGuard } from '../sources/feed-source.guard';
import { importErpCsv } from './use-cases/receive-erp-csv';

/**
 * `POST /v1/imports/dispensing`: an ERP dispensing export as `text/csv` (UTF-8 or GB 18030), streamed row
 * by row. Answers once every row is stored: 200 with the per-row report, or 422 with it when the file could
 * not be read (missing columns, CSV syntax error).
 */
@Controller('v1/imports')
@UseGuards(FeedSourceGuard)
export class ErpImportController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(INGEST_RECEIVE_OPTIONS) private readonly options: ReceiveOptions,
  ) {}

  @Post('dispensing')
  async dispensing(
    @Req() request: Request,
    @Res() response: Response,
    @AuthenticatedSource() source: FeedSource,
  ): Promise<void> {
    if (!/^(text\/csv|application\/csv)(;|$)/i.test(request.headers['content-type'] ?? '')) {
      throw new FeedError(FeedErrorCode.UnsupportedMediaType, 'Send the export as text/csv');
    }
    const report = await importErpCsv(this.dataSource, request as AsyncIterable<Buffer>, source, {
      zone: this.options.zone,
    });
    response.status(report.fatal ? 422 : 200).json(report);
  }
}
