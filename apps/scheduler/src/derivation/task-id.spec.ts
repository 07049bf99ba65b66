import fc from 'fast-check';
import { v5 as uuidv5 } from 'uuid';
import { taskId, uuidV5 } from './task-id';

const TASK_NAMESPACE = '6f1d3c52-8a4e-5b8f-9c1a-2e7d4b9f0a63';

describe('task ids', () => {
  it('are exactly the uuid package v5 of the name in the task namespace (ids stored before stay valid)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (name) => {
        expect(uuidV5(name)).toBe(uuidv5(name, TASK_NAMESPACE));
      }),
      { numRuns: 2000 },
    );
  });

  it('name the org, plan version, trigger, step and occurrence', () => {
    expect(
      taskId({
        org: 'org-demo-pharmacy',
        planId: 'pharmacy-chronic',
        planVersion: 1,
        triggerKey: 'MedicationDispense/pharmacy-erp:SO-1',
        stepId: 'first',
        occurrence: 0,
      }),
    ).toBe(uuidv5('org-demo-pharmacy|pharmacy-chronic|1|MedicationDispense/pharmacy-erp:SO-1|first|0', TASK_NAMESPACE));
  });
});
