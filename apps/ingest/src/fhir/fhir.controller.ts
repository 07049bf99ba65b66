import { Controller, Get, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { FeedError, FeedErrorCode } from '../feeds/feed.errors';
import { readRawBody } from '../feeds/read-raw-body';
import { type FeedSource } from '../sources/feed-source.entity';
import { AuthenticatedSource, FeedSourceGuard } from '../sources/feed-source.guard';
import { buildCapabilityStatement } from './capability-statement';
import { FHIR_JSON, FhirOutcomeFilter } from './fhir-outcome.filter';
import { SUPPORTED_RESOURCE_TYPES } from './mapping/resource-mappers';
import { FhirRejectionCode } from './fhir.errors';
import { type FhirAnswer, receiveFhirDocumentIn } from './use-cases/receive-fhir-document';

const ACCEPTED_TYPES = /^application\/(fhir\+json|json)(;|$)/i;

/**
 * FHIR R4 write endpoint: `POST /fhir/r4` (transaction/batch Bundles), `POST /fhir/r4/[type]` for the
 * supported resource types, `GET /fhir/r4/metadata`. Writes need a feed source credential; every answer is
 * `application/fhir+json`, errors as OperationOutcome.
 */
@Controller('fhir/r4')
@UseFilters(FhirOutcomeFilter)
export class FhirController {
  constructor(private readonly dataSource: DataSource) {}

  /** Public, like every FHIR server's: it describes the endpoint and holds no patient data. */
  @Get('metadata')
  metadata(@Req() request: Request, @Res() response: Response): void {
    const statement = buildCapabilityStatement({
      baseUrl: `${request.protocol}://${request.get('host') ?? 'localhost'}/fhir/r4`,
      softwareVersion: '0.1.0',
      releaseDate: '2026-11-23',
    });
    response.status(200).type(FHIR_JSON).send(JSON.stringify(statement));
  }

  @Post()
  @UseGuards(FeedSourceGuard)
  async bundle(
    @Req() request: Request,
    @Res() response: Response,
    @AuthenticatedSource() source: FeedSource,
  ): Promise<void> {
    await this.receive(request, response, source, undefined);
  }

  @Post(':type')
  @UseGuards(FeedSourceGuard)
  async resource(
    @Param('type') type: string,
    @Req() request: Request,
    @Res() response: Response,
    @AuthenticatedSource() source: FeedSource,
  ): Promise<void> {
    if (!(SUPPORTED_RESOURCE_TYPES as readonly string[]).includes(type)) {
      response
        .status(404)
        .type(FHIR_JSON)
        .send(
          JSON.stringify({
            resourceType: 'OperationOutcome',
            issue: [
              {
                severity: 'error',
                code: 'not-supported',
                details: {
                  coding: [
                    {
                      system: 'urn:revisit:ingest:fhir-rejection-code',
                      code: FhirRejectionCode.UNSUPPORTED_RESOURCE_TYPE,
                    },
                  ],
                },
                diagnostics: `Resource type ${type.slice(0, 64)} is not accepted here`,
              },
            ],
          }),
        );
      return;
    }
    await this.receive(request, response, source, type);
  }

  private async receive(
    request: Request,
    response: Response,
    source: FeedSource,
    expectedType: string | undefined,
  ): Promise<void> {
    const contentType = request.headers['content-type'] ?? '';
    if (!ACCEPTED_TYPES.test(contentType)) {
      throw new FeedError(FeedErrorCode.UnsupportedMediaType, 'Send application/fhir+json');
    }
    const bytes = await readRawBody(request);
    const answer: FhirAnswer = await this.dataSource.transaction((manager) =>
      receiveFhirDocumentIn(manager, { bytes, source, expectedType }),
    );
    if (answer.etag) response.setHeader('ETag', answer.etag);
    response.status(answer.status).type(FHIR_JSON).send(JSON.stringify(answer.body));
  }
}
