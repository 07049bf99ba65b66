import { DomainError, type ProblemCatalogue } from '@revisit/platform';

export enum RateLimitErrorCode {
  Exceeded = 'rate-limit.exceeded',
}

const PROBLEMS: ProblemCatalogue<RateLimitErrorCode> = {
  [RateLimitErrorCode.Exceeded]: { status: 429, title: 'Too many requests' },
};

export class RateLimitError extends DomainError<RateLimitErrorCode> {
  constructor(readonly retryAfterSeconds: number) {
    super(RateLimitErrorCode.Exceeded, `try again in ${retryAfterSeconds} s`, PROBLEMS);
  }
}
