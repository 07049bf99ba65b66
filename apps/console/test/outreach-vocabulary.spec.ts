import {
  ATTEMPT_DISPOSITIONS,
  FEEDBACK_KINDS,
  FOLLOW_UP_PURPOSES,
  OUTREACH_CHANNELS,
  TaskPrioritySchema,
} from '@revisit/domain';
import * as consoleVocabulary from '../src/api/outreach-vocabulary';
import { MESSAGES } from '../src/i18n/messages';

describe("the console's copy of the catalogue's code lists", () => {
  it('matches libs/domain exactly, so every disposition, feedback kind and channel can be chosen', () => {
    expect(consoleVocabulary.ATTEMPT_DISPOSITIONS).toEqual(ATTEMPT_DISPOSITIONS);
    expect(consoleVocabulary.FEEDBACK_KINDS).toEqual(FEEDBACK_KINDS);
    expect(consoleVocabulary.OUTREACH_CHANNELS).toEqual(OUTREACH_CHANNELS);
  });

  it('knows every task purpose and priority the worklist can send, with a label in both languages', () => {
    expect(consoleVocabulary.FOLLOW_UP_PURPOSES).toEqual(FOLLOW_UP_PURPOSES);
    expect(consoleVocabulary.TASK_PRIORITIES).toEqual((TaskPrioritySchema as unknown as { enum: string[] }).enum);
    for (const locale of ['zh-CN', 'en'] as const) {
      const keys = Object.keys(MESSAGES[locale]);
      for (const purpose of FOLLOW_UP_PURPOSES) expect(keys).toContain(`purpose.${purpose}`);
      for (const priority of consoleVocabulary.TASK_PRIORITIES) expect(keys).toContain(`priority.${priority}`);
    }
  });
});
