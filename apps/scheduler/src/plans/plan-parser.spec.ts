import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PlanErrorCode, PlanValidationError } from './plan.errors';
import { parsePlan, planSchema } from './plan-parser';

const VALID = `id: demo-plan
version: 3
org: demo-clinic
name: Demo
parameters: { firstAfterDays: 5 }
trigger:
  events: [medication-dispensed]
steps:
  - id: first
    anchor: prescription-start
    offset: 'P{firstAfterDays}D'
`;

function issuesOf(text: string): PlanValidationError['issues'] {
  try {
    parsePlan(text, 'test.yaml');
  } catch (err) {
    if (err instanceof PlanValidationError) return err.issues;
    throw err;
  }
  throw new Error('plan unexpectedly valid');
}

describe('parsePlan', () => {
  it('returns the typed plan for a valid document', () => {
    expect(parsePlan(VALID)).toMatchObject({
      id: 'demo-plan',
      version: 3,
      steps: [{ id: 'first', offset: 'P{firstAfterDays}D' }],
    });
  });

  it('takes a control-group share of at most a half, pointing at a larger one', () => {
    const held = VALID.replace('name: Demo', 'name: Demo\ncontrolGroup: { share: 0.1 }');
    expect(parsePlan(held).controlGroup).toEqual({ share: 0.1 });
    const tooMany = VALID.replace('name: Demo', 'name: Demo\ncontrolGroup: { share: 0.6 }');
    expect(issuesOf(tooMany).map((issue) => [issue.line, issue.path])).toEqual([[5, '/controlGroup/share']]);
  });

  it('points at the line of a wrong value and of an unknown key', () => {
    const text = VALID.replace('version: 3', 'version: three').replace(
      "    offset: 'P{firstAfterDays}D'",
      "    offset: 'P{firstAfterDays}D'\n    colour: red",
    );
    expect(issuesOf(text).map((issue) => [issue.line, issue.column, issue.path, issue.code])).toEqual([
      [2, 10, '/version', PlanErrorCode.SchemaViolation],
      [12, 5, '/steps/0', PlanErrorCode.SchemaViolation],
    ]);
  });

  it('points a missing property at the object that lacks it', () => {
    const issues = issuesOf(VALID.replace('    anchor: prescription-start\n', ''));
    expect(issues).toEqual([
      expect.objectContaining({ line: 9, path: '/steps/0', message: 'missing required property "anchor"' }),
    ]);
  });

  it('reports references the schema cannot check, with their lines', () => {
    const text = `${VALID.replace("offset: 'P{firstAfterDays}D'", "offset: 'P{nope}D'")}  - id: first
    anchor: supply-run-out
    when: { drugClasses: [statins] }
`;
    expect(issuesOf(text).map((issue) => [issue.line, issue.code])).toEqual([
      [11, PlanErrorCode.UnknownParameter],
      [12, PlanErrorCode.DuplicateStepId],
      [14, PlanErrorCode.UnknownDrugClass],
    ]);
  });

  it('rejects anchors the trigger cannot provide and unknown time zones', () => {
    const text = VALID.replace('name: Demo', 'name: Demo\ntimezone: Mars/Olympus').replace(
      'anchor: prescription-start',
      'anchor: appointment-start',
    );
    expect(issuesOf(text).map((issue) => [issue.line, issue.code])).toEqual([
      [5, PlanErrorCode.InvalidTimezone],
      [11, PlanErrorCode.AnchorNotAvailable],
    ]);
  });

  it('rejects a lunar-date anchor without its date', () => {
    const text = VALID.replace('anchor: prescription-start', 'anchor: lunar-date');
    expect(issuesOf(text)).toEqual([expect.objectContaining({ code: PlanErrorCode.LunarDateMissing, line: 10 })]);
  });

  it('reports YAML syntax errors (duplicate keys) with their line', () => {
    expect(issuesOf(`${VALID}version: 4\n`)).toEqual([
      expect.objectContaining({ code: PlanErrorCode.YamlSyntax, line: 12 }),
    ]);
  });

  it('the published JSON Schema is a valid schema on its own and accepts every built-in template', () => {
    const ajv = new Ajv({ strict: true });
    addFormats(ajv);
    const validate = ajv.compile(planSchema);
    const dir = path.join(__dirname, 'templates');
    for (const file of ['pharmacy-chronic.yaml', 'dental-aftercare.yaml', 'tcm-phone-follow-up.yaml']) {
      expect(validate(parse(readFileSync(path.join(dir, file), 'utf8')))).toBe(true);
    }
  });
});
