import { type Static } from '@sinclair/typebox';
import { StringEnum } from '../schema-kit';

export const FEEDBACK_KINDS = ['criticism', 'complaint', 'need', 'praise', 'suggestion'] as const;

export const FeedbackKindSchema = StringEnum(FEEDBACK_KINDS, {
  description: 'Kind of feedback: criticism (批评), complaint (投诉), need (新需求), praise (表扬), suggestion (建议).',
});
export type FeedbackKind = Static<typeof FeedbackKindSchema>;
