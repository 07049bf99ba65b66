import { DomainError, type ProblemCatalogue } from '@revisit/platform';

export enum FeedErrorCode {
  PayloadTooLarge = 'feed.payload-too-large',
  UnsupportedMediaType = 'feed.unsupported-media-type',
}

const FEED_PROBLEMS: ProblemCatalogue<FeedErrorCode> = {
  [FeedErrorCode.PayloadTooLarge]: { status: 413, title: 'Payload too large' },
  [FeedErrorCode.UnsupportedMediaType]: { status: 415, title: 'Unsupported media type' },
};

export class FeedError extends DomainError<FeedErrorCode> {
  constructor(code: FeedErrorCode, message: string) {
    super(code, message, FEED_PROBLEMS);
  }
}
