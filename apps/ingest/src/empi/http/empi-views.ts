import { catalogueDemographics, type Demographics } from '../registry/catalogue-demographics';
import { type StoredSourceRecord } from '../registry/empi-registry.repository';
import { type ReviewItem } from '../registry/review-queue.repository';

export interface SourceRecordView {
  readonly sourceSystem: string;
  readonly localId: string;
  readonly demographics: Demographics;
}

export const sourceRecordView = (r: StoredSourceRecord): SourceRecordView => ({
  sourceSystem: r.sourceSystem,
  localId: r.localId,
  demographics: catalogueDemographics(r.sourceSystem, r.snapshot),
});

export const reviewView = (r: ReviewItem, record: StoredSourceRecord | undefined) => ({
  id: r.id,
  status: r.status,
  score: r.score,
  candidateEnterpriseId: r.candidateEnterpriseId,
  sourceRecord: record ? { ...sourceRecordView(record), enterpriseId: record.enterpriseId } : null,
  createdAt: r.createdAt.toISOString(),
  decidedBy: r.decidedBy,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  reason: r.reason,
});
