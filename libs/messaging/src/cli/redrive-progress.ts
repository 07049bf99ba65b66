import { MessagingError, MessagingErrorCode } from '../core/messaging.errors';

// Kafka's default offset.metadata.max.bytes is 4096; keep well below it.
const MAX_OUT_OF_ORDER = 300;

/**
 * What the redrive consumer group has done on one DLQ partition: every offset below `watermark`
 * was redriven (or passed over by `--all` because it already had been), plus offsets at or above
 * it that were redriven one by one. Stored as the group's committed offset and its metadata.
 */
export class RedriveProgress {
  private constructor(
    private watermark: bigint,
    private readonly singles: Set<bigint>,
  ) {}

  static fromCommit(offset: bigint | undefined, metadata: string | null): RedriveProgress {
    let singles: bigint[] = [];
    if (metadata) {
      const parsed: unknown = JSON.parse(metadata);
      if (Array.isArray(parsed)) singles = parsed.filter((v): v is string => typeof v === 'string').map(BigInt);
    }
    return new RedriveProgress(offset ?? 0n, new Set(singles));
  }

  isDone(offset: bigint): boolean {
    return offset < this.watermark || this.singles.has(offset);
  }

  markDone(offset: bigint): void {
    if (offset === this.watermark) {
      this.watermark++;
      while (this.singles.delete(this.watermark)) this.watermark++;
    } else if (offset > this.watermark) {
      if (this.singles.size >= MAX_OUT_OF_ORDER) {
        throw new MessagingError(
          MessagingErrorCode.InvalidArgument,
          `more than ${MAX_OUT_OF_ORDER} single redrives ahead of the in-order position; use redrive --all`,
        );
      }
      this.singles.add(offset);
    }
  }

  /** The offset to commit and its metadata. */
  toCommit(): { offset: string; metadata: string | null } {
    const singles = [...this.singles].sort((a, b) => (a < b ? -1 : 1)).map(String);
    return { offset: this.watermark.toString(), metadata: singles.length ? JSON.stringify(singles) : null };
  }
}
