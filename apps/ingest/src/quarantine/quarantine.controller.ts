import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { parseRequest } from '@revisit/platform';
import { Type } from '@sinclair/typebox';
import { DataSource } from 'typeorm';
import { Hl7RejectionCode } from '../hl7v2/hl7v2.errors';
import { INGEST_RECEIVE_OPTIONS } from '../raw-messages/raw-messages.tokens';
import { type ReceiveOptions } from '../raw-messages/use-cases/receive-hl7-message';
import { SourceAuthenticator } from '../sources/source-authenticator.service';
import { type StaffMember } from '../staff/staff-authenticator';
import { CurrentStaff, StaffRoles, StaffRolesGuard } from '../staff/staff-roles.guard';
import { type QuarantineEntity } from './quarantine.entity';
import { listQuarantine } from './use-cases/list-quarantine';
import { replayQuarantinedIn } from './use-cases/replay-quarantined';

const ListQuery = Type.Object(
  {
    code: Type.Optional(Type.Enum(Hl7RejectionCode)),
    includeReplayed: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
    limit: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,2}$' })),
  },
  { additionalProperties: false },
);

const ReplayBody = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 500 }) },
  { additionalProperties: false },
);

interface QuarantineView {
  readonly id: string;
  readonly rawMessageId: string;
  readonly code: string;
  readonly reason: string;
  readonly createdAt: string;
  readonly replayedAt: string | null;
  readonly replayedBy: string | null;
  readonly replayReason: string | null;
  readonly replayRawMessageId: string | null;
}

/**
 * Operator endpoints over rejected messages, for staff with a bearer token of the outreach issuer: any
 * staff role may list (codes and value-free reasons only); replay is for supervisors and admins, recorded
 * with who, when and why on the entry.
 */
@Controller('v1/quarantine')
@UseGuards(StaffRolesGuard)
export class QuarantineController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sources: SourceAuthenticator,
    @Inject(INGEST_RECEIVE_OPTIONS) private readonly options: ReceiveOptions,
  ) {}

  @Get()
  async list(@Query() query: unknown): Promise<{ entries: QuarantineView[] }> {
    const { code, includeReplayed, limit } = parseRequest(ListQuery, query);
    const entries = await listQuarantine(this.dataSource.manager, {
      code,
      includeReplayed: includeReplayed === 'true',
      limit: limit ? Number(limit) : 100,
    });
    return { entries: entries.map(toView) };
  }

  @Post(':id/replay')
  @HttpCode(200)
  @StaffRoles('supervisor', 'admin')
  async replay(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @CurrentStaff() staff: StaffMember,
  ): Promise<{ rawMessageId: string; status: string; ackCode: string; quarantineId?: string }> {
    const { reason } = parseRequest(ReplayBody, body);
    const received = await this.dataSource.transaction((manager) =>
      replayQuarantinedIn(manager, { quarantineId: id, operator: staff.staffId, reason }, this.options, (sourceId) =>
        this.sources.byId(sourceId),
      ),
    );
    return {
      rawMessageId: received.rawMessageId,
      status: received.status,
      ackCode: received.ackCode,
      ...(received.quarantineId ? { quarantineId: received.quarantineId } : {}),
    };
  }
}

function toView(entry: QuarantineEntity): QuarantineView {
  return {
    id: entry.id,
    rawMessageId: entry.rawMessageId,
    code: entry.code,
    reason: entry.reason,
    createdAt: entry.createdAt.toISOString(),
    replayedAt: entry.replayedAt?.toISOString() ?? null,
    replayedBy: entry.replayedBy,
    replayReason: entry.replayReason,
    replayRawMessageId: entry.replayRawMessageId,
  };
}
