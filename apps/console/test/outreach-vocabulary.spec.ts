import { ATTEMPT_DISPOSITIONS, FEEDBACK_KINDS, OUTREACH_CHANNELS } from '@revisit/domain';
import * as consoleVocabulary from '../src/api/outreach-vocabulary';

describe("the console's copy of the catalogue's code lists", () => {
  it('matches libs/domain exactly, so every disposition, feedback kind and channel can be chosen', () => {
    expect(consoleVocabulary.ATTEMPT_DISPOSITIONS).toEqual(ATTEMPT_DISPOSITIONS);
    expect(consoleVocabulary.FEEDBACK_KINDS).toEqual(FEEDBACK_KINDS);
    expect(consoleVocabulary.OUTREACH_CHANNELS).toEqual(OUTREACH_CHANNELS);
  });
});
