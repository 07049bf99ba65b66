import { maskPhone } from '@revisit/domain';
import { type Principal } from '@revisit/platform';

/** Decides, per caller, whether phone numbers are shown in full or as `138****5678`. */
export class PhoneVisibility {
  private readonly unmaskedRoles: ReadonlySet<string>;

  constructor(unmaskedRoles: string) {
    this.unmaskedRoles = new Set(
      unmaskedRoles
        .split(',')
        .map((role) => role.trim())
        .filter((role) => role.length > 0),
    );
  }

  seesFullNumbers(principal: Principal): boolean {
    return principal.roles.some((role) => this.unmaskedRoles.has(role));
  }

  show(principal: Principal, e164: string): string {
    return this.seesFullNumbers(principal) ? e164 : maskPhone(e164);
  }
}
