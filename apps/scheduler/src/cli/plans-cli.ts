import { isBuiltinTemplateId, loadBuiltinTemplate } from '../plans/builtin-templates';
import { formatIssue, PlanValidationError } from '../plans/plan.errors';
import { parsePlan } from '../plans/plan-parser';
import { previewTasks } from '../plans/preview-tasks';
import { type PlanDocument } from '../plans/plan.types';
import { bundleToEvents } from './fhir-bundle-to-events';
import { type Bundle } from './fhir-types';
import { PlansExitCode } from './plans-exit-code';
import { parsePlansArgs, PLANS_USAGE } from './plans-args';

/** Everything the command touches outside itself, so tests run it without a process. */
export interface CliIo {
  readonly readFile: (path: string) => string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly now: () => string;
}

class UsageProblem extends Error {}

function read(io: CliIo, path: string, what: string): string {
  try {
    return io.readFile(path);
  } catch {
    throw new UsageProblem(`cannot read ${what} ${path}`);
  }
}

function loadPlan(io: CliIo, planArg: string): PlanDocument {
  if (isBuiltinTemplateId(planArg)) return loadBuiltinTemplate(planArg);
  if (!/\.ya?ml$/i.test(planArg))
    throw new UsageProblem(`--plan "${planArg}" is neither a built-in template id nor a .yaml file`);
  return parsePlan(read(io, planArg, 'plan'), planArg);
}

function loadBundle(io: CliIo, path: string): Bundle {
  let json: unknown;
  try {
    json = JSON.parse(read(io, path, 'bundle'));
  } catch (err) {
    if (err instanceof UsageProblem) throw err;
    throw new UsageProblem(`${path} is not JSON`);
  }
  if (json === null || typeof json !== 'object' || (json as { resourceType?: unknown }).resourceType !== 'Bundle') {
    throw new UsageProblem(`${path} is not a FHIR Bundle (resourceType must be "Bundle")`);
  }
  return json as Bundle;
}

function preview(io: CliIo, planArg: string, bundlePath: string, now: string, tz: string | undefined): void {
  const plan = loadPlan(io, planArg);
  const { events, skipped } = bundleToEvents(loadBundle(io, bundlePath), now);
  const { rows, result } = previewTasks(plan, events, { now, ...(tz === undefined ? {} : { timezone: tz }) });
  io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  // Notes go to stderr so stdout stays machine-readable JSON; they name records, never patient data.
  for (const flag of result.flags)
    io.stderr(`pharmacist review: dispense ${flag.dispenseId}: ${flag.message} (${flag.code})`);
  for (const task of result.cancelled) io.stderr(`cancelled: ${task.stepId} (${task.due}): ${task.cancelReason}`);
  for (const note of skipped) io.stderr(`skipped: ${note}`);
}

/** `revisit plans validate|preview ...`; resolves to the exit code. */
export function runPlansCli(argv: readonly string[], io: CliIo): PlansExitCode {
  const parsed = parsePlansArgs(argv, io.now);
  if (!parsed.ok) {
    io.stderr(`revisit plans: ${parsed.error}\n${PLANS_USAGE}`);
    return PlansExitCode.Usage;
  }
  const { command } = parsed;
  try {
    switch (command.kind) {
      case 'help':
        io.stdout(PLANS_USAGE);
        return PlansExitCode.Ok;
      case 'validate': {
        const plan = parsePlan(read(io, command.file, 'plan'), command.file);
        io.stdout(`${command.file}: plan ${plan.id} v${plan.version} is valid (${plan.steps.length} steps)`);
        return PlansExitCode.Ok;
      }
      case 'preview':
        preview(io, command.plan, command.bundle, command.now, command.tz);
        return PlansExitCode.Ok;
    }
  } catch (err) {
    if (err instanceof PlanValidationError) {
      for (const issue of err.issues) io.stderr(formatIssue(err.source, issue));
      return PlansExitCode.InvalidPlan;
    }
    if (err instanceof UsageProblem) {
      io.stderr(`revisit plans: ${err.message}`);
      return PlansExitCode.Usage;
    }
    throw err;
  }
}
