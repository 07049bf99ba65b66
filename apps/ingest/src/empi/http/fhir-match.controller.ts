import { Controller, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { FhirRejectionCode, FhirRejectionError } from '../../fhir/fhir.errors';
import { patientFromResource } from '../../fhir/mapping/fhir-patient';
import { arr, isObject, type JsonObject, obj, str } from '../../fhir/mapping/json';
import { buildOperationOutcome } from '../../fhir/operation-outcome';
import { MATCH_MODEL, type MatchModelSource } from '../empi.tokens';
import { DEFAULT_LINK_CONFIG } from '../matching';
import { catalogueDemographics } from '../registry/catalogue-demographics';
import { personRecordFromSnapshot } from '../registry/person-record-from-snapshot';
import { rankEnterprisePatients, type RankedPatient } from '../use-cases/rank-enterprise-patients';
import { readJsonBody } from './read-json-body';
import { EmpiStaffGuard, RequireStaffRoles } from './staff-access';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const MATCH_GRADE_URL = 'http://hl7.org/fhir/StructureDefinition/match-grade';
const MAX_COUNT = 50;

/**
 * FHIR R4 Patient `$match` (MPI query): the Patient in the Parameters is graded against the enterprise
 * patients; the answer is a `searchset` Bundle whose entries carry `search.score` and the match-grade
 * extension (certain / probable / possible / certainly-not), best first.
 */
@Controller('fhir/r4/Patient')
@UseGuards(EmpiStaffGuard)
@RequireStaffRoles()
export class FhirMatchController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MATCH_MODEL) private readonly model: MatchModelSource,
  ) {}

  @Post('$match')
  @HttpCode(200)
  async match(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<JsonObject> {
    response.type(FHIR_JSON);
    try {
      const parameters = await readJsonBody(request);
      const { patient, onlyCertain, count } = readParameters(parameters);
      const snapshot = patientFromResource(
        { ...patient, id: str(patient, 'id') ?? 'match-input' },
        'fhir-match',
        'Parameters.parameter.resource',
      );
      const ranked = await rankEnterprisePatients(
        this.dataSource.manager,
        personRecordFromSnapshot('match-input', snapshot),
        this.model(),
        DEFAULT_LINK_CONFIG,
        MAX_COUNT,
      );
      const graded = ranked.filter((p) => (onlyCertain ? p.grade === 'certain' : p.grade !== 'weak')).slice(0, count);
      return { resourceType: 'Bundle', type: 'searchset', total: graded.length, entry: graded.map(entryOf) };
    } catch (error) {
      if (!(error instanceof FhirRejectionError)) throw error;
      response.status(400);
      return buildOperationOutcome([
        { code: error.code, message: error.detail, ...(error.expression ? { expression: error.expression } : {}) },
      ]) as unknown as JsonObject;
    }
  }
}

function readParameters(body: unknown): { patient: JsonObject; onlyCertain: boolean; count: number } {
  if (!isObject(body) || body['resourceType'] !== 'Parameters') {
    throw new FhirRejectionError(
      FhirRejectionCode.NOT_A_RESOURCE,
      'The body must be a Parameters resource',
      'Parameters',
    );
  }
  const parameters = arr(body, 'parameter');
  const resource = obj(
    parameters.find((p) => str(p, 'name') === 'resource'),
    'resource',
  );
  if (!resource || resource['resourceType'] !== 'Patient') {
    throw new FhirRejectionError(
      FhirRejectionCode.MISSING_REQUIRED_ELEMENT,
      'Parameter "resource" must hold a Patient',
      'Parameters.parameter.resource',
    );
  }
  if (!['identifier', 'name', 'birthDate', 'telecom'].some((element) => resource[element] !== undefined)) {
    throw new FhirRejectionError(
      FhirRejectionCode.MISSING_REQUIRED_ELEMENT,
      'The Patient needs an identifier, name, birthDate or telecom to match on',
      'Parameters.parameter.resource',
    );
  }
  const onlyCertain = parameters.find((p) => str(p, 'name') === 'onlyCertainMatches')?.['valueBoolean'] === true;
  const count = parameters.find((p) => str(p, 'name') === 'count')?.['valueInteger'];
  if (count !== undefined && (typeof count !== 'number' || !Number.isInteger(count) || count < 1)) {
    throw new FhirRejectionError(
      FhirRejectionCode.INVALID_VALUE,
      'count must be a positive integer',
      'Parameters.parameter.count',
    );
  }
  return { patient: resource, onlyCertain, count: Math.min(typeof count === 'number' ? count : MAX_COUNT, MAX_COUNT) };
}

function entryOf(patient: RankedPatient): JsonObject {
  const first = patient.records[0];
  const demographics = first ? catalogueDemographics(first.sourceSystem, first.snapshot) : undefined;
  const identifiers = patient.records.flatMap((r) => catalogueDemographics(r.sourceSystem, r.snapshot).identifiers);
  const unique = [...new Map(identifiers.map((i) => [`${i.system}|${i.value}`, i])).values()];
  return {
    fullUrl: `Patient/${patient.enterpriseId}`,
    resource: {
      resourceType: 'Patient',
      id: patient.enterpriseId,
      identifier: unique.map((i) => ({
        system: i.system,
        value: i.value,
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: i.type }] },
      })),
      ...(demographics
        ? {
            name: demographics.names.map((n) => ({
              text: n.text,
              ...(n.family ? { family: n.family } : {}),
              ...(n.given ? { given: [n.given] } : {}),
            })),
            gender: demographics.sex,
            ...(demographics.birthDate ? { birthDate: demographics.birthDate } : {}),
            telecom: demographics.phones.map((p) => ({ system: 'phone', value: p.number })),
          }
        : {}),
    },
    search: {
      mode: 'match',
      score: Math.round(patient.score * 10_000) / 10_000,
      extension: [{ url: MATCH_GRADE_URL, valueCode: patient.grade }],
    },
  };
}
