import { problemType, type ProblemDetails } from './problem-details';

export interface ProblemDescriptor {
  readonly status: number;
  readonly title: string;
}

/**
 * Maps every code of a feature's closed enum to its HTTP meaning. A `Record` over the enum makes the mapping
 * exhaustive at compile time: adding a code without a mapping does not type-check.
 */
export type ProblemCatalogue<Code extends string> = Readonly<Record<Code, ProblemDescriptor>>;

/**
 * Base class for feature errors (`<feature>.errors.ts`): a closed code plus a message safe to show a client.
 * The message must not contain patient data; it is masked again on the way out as a safety net.
 *
 * ```ts
 * export enum PlanErrorCode { NotFound = 'plans.not-found' }
 * const PLAN_PROBLEMS: ProblemCatalogue<PlanErrorCode> = { [PlanErrorCode.NotFound]: { status: 404, title: 'Plan not found' } };
 * export class PlanError extends DomainError<PlanErrorCode> {
 *   constructor(code: PlanErrorCode, message: string) { super(code, message, PLAN_PROBLEMS); }
 * }
 * ```
 */
export abstract class DomainError<Code extends string> extends Error {
  protected constructor(
    readonly code: Code,
    message: string,
    private readonly catalogue: ProblemCatalogue<Code>,
  ) {
    super(message);
    this.name = new.target.name;
  }

  toProblem(): ProblemDetails {
    const { status, title } = this.catalogue[this.code];
    return { type: problemType(this.code), title, status, detail: this.message, code: this.code };
  }
}
