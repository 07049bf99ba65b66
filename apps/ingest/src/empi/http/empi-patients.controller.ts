import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { PhoneNumber } from '@revisit/domain';
import { parseRequest } from '@revisit/platform';
import { Type } from '@sinclair/typebox';
import { DataSource } from 'typeorm';
import { EmpiError, EmpiErrorCode } from '../empi.errors';
import { MATCH_MODEL, type MatchModelSource } from '../empi.tokens';
import { DEFAULT_LINK_CONFIG, type PersonRecord } from '../matching';
import { queryCrossReferences, parseIdentifierToken } from '../use-cases/query-cross-references';
import { rankEnterprisePatients } from '../use-cases/rank-enterprise-patients';
import { sourceRecordView } from './empi-views';
import { EmpiStaffGuard, RequireStaffRoles } from './staff-access';

const PixQuery = Type.Object(
  { identifier: Type.String({ minLength: 3, maxLength: 200 }) },
  { additionalProperties: false },
);

const SearchQuery = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    birthDate: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    phone: Type.Optional(Type.String({ minLength: 5, maxLength: 30 })),
    idCard: Type.Optional(Type.String({ pattern: '^\\d{17}[\\dXx]$' })),
    limit: Type.Optional(Type.String({ pattern: '^([1-9]|[1-4][0-9]|50)$' })),
  },
  { additionalProperties: false },
);

const HAN = /\p{Script=Han}/u;

/** PIX cross-reference and demographic search; any authenticated staff member may read. */
@Controller('v1/empi')
@UseGuards(EmpiStaffGuard)
@RequireStaffRoles()
export class EmpiPatientsController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MATCH_MODEL) private readonly model: MatchModelSource,
  ) {}

  @Get('identifiers')
  async crossReferences(@Query() query: unknown) {
    const { identifier } = parseRequest(PixQuery, query);
    const { system, value } = parseIdentifierToken(identifier);
    return queryCrossReferences(this.dataSource.manager, system, value);
  }

  @Get('patients')
  async search(@Query() query: unknown) {
    const criteria = parseRequest(SearchQuery, query);
    if (!criteria.name && !criteria.birthDate && !criteria.phone && !criteria.idCard) {
      throw new EmpiError(EmpiErrorCode.SearchNeedsCriteria, 'Give at least one of name, birthDate, phone, idCard');
    }
    const phone = criteria.phone ? PhoneNumber.parse(criteria.phone) : undefined;
    const name = criteria.name?.trim();
    const probe: PersonRecord = {
      id: 'search',
      name: name ? (HAN.test(name) ? { fullHan: name.replace(/\s+/g, '') } : { latin: name }) : {},
      ...(criteria.birthDate ? { birthDate: criteria.birthDate } : {}),
      ...(criteria.idCard ? { identifiers: { residentIdCard: criteria.idCard.toUpperCase() } } : {}),
      ...(phone?.ok ? { mobile: phone.phone.e164 } : criteria.phone ? { mobile: criteria.phone } : {}),
    };
    const ranked = await rankEnterprisePatients(
      this.dataSource.manager,
      probe,
      this.model(),
      DEFAULT_LINK_CONFIG,
      criteria.limit ? Number(criteria.limit) : 20,
    );
    return {
      patients: ranked
        .filter((p) => p.grade !== 'certainly-not')
        .map((p) => ({
          enterpriseId: p.enterpriseId,
          score: p.score,
          grade: p.grade,
          sourceRecords: p.records.map(sourceRecordView),
        })),
    };
  }
}
