import { dispositionOfCall, type EndedCall } from './hangup-causes';
import { rangPastPolicy, ringTimeoutSeconds, TCM_RING_POLICY } from './ring-policy';

describe('call dispositions under the TCM ring policy', () => {
  const unanswered = (overrides: Partial<EndedCall>): EndedCall => ({
    answered: false,
    hangupCause: 'NO_ANSWER',
    ringSeconds: 21,
    ...overrides,
  });
  const disposition = (overrides: Partial<EndedCall>) => dispositionOfCall(unanswered(overrides), TCM_RING_POLICY);

  it('counts more than 5 rings or more than 20 s as no answer', () => {
    expect(rangPastPolicy(TCM_RING_POLICY, 20, undefined)).toBe(false);
    expect(rangPastPolicy(TCM_RING_POLICY, 21, undefined)).toBe(true);
    expect(rangPastPolicy(TCM_RING_POLICY, 18, 6)).toBe(true);
    expect(rangPastPolicy(TCM_RING_POLICY, 18, 5)).toBe(false);
    expect(ringTimeoutSeconds(TCM_RING_POLICY)).toBe(21);
    expect(disposition({ hangupCause: 'ORIGINATOR_CANCEL', ringSeconds: 21 })).toBe('no-answer');
    expect(disposition({ hangupCause: 'NORMAL_CLEARING', ringSeconds: 12, rings: 6 })).toBe('no-answer');
  });

  it('reads a patient ending the call while it still rang as busy, not as no answer', () => {
    expect(disposition({ hangupCause: 'NORMAL_CLEARING', ringSeconds: 8 })).toBe('busy');
    expect(disposition({ hangupCause: 'CALL_REJECTED', ringSeconds: 3 })).toBe('busy');
    expect(disposition({ hangupCause: 'USER_BUSY', ringSeconds: 0 })).toBe('busy');
  });

  it('tells a switched-off phone, a wrong number and our own line failing apart', () => {
    expect(disposition({ hangupCause: 'SUBSCRIBER_ABSENT', ringSeconds: 0 })).toBe('unreachable');
    expect(disposition({ hangupCause: 'UNALLOCATED_NUMBER', ringSeconds: 0 })).toBe('wrong-number');
    expect(disposition({ hangupCause: 'NETWORK_OUT_OF_ORDER', ringSeconds: 0 })).toBe('line-fault');
    expect(disposition({ hangupCause: 'NORMAL_TEMPORARY_FAILURE', ringSeconds: 30 })).toBe('line-fault');
  });

  it('calls an answered call answered whatever the cause of its end', () => {
    expect(
      dispositionOfCall({ ...unanswered({}), answered: true, hangupCause: 'NORMAL_CLEARING' }, TCM_RING_POLICY),
    ).toBe('answered');
  });
});
