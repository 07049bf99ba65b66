export const RETRY_SUFFIX = '.retry';
export const DLQ_SUFFIX = '.dlq';

export const retryTopicOf = (topic: string): string => `${topic}${RETRY_SUFFIX}`;
export const dlqTopicOf = (topic: string): string => `${topic}${DLQ_SUFFIX}`;

/** The topic a retry topic belongs to; the topic itself when it is not a retry topic. */
export const baseTopicOf = (topic: string): string =>
  topic.endsWith(RETRY_SUFFIX) ? topic.slice(0, -RETRY_SUFFIX.length) : topic;
