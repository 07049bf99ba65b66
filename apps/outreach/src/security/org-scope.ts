import { type Principal } from '@revisit/platform';

/**
 * The organisations a caller may see. Rows of other organisations are filtered in SQL, so they answer
 * 404 exactly like rows that do not exist: nobody learns that another organisation's patient exists.
 */
export function orgScope(principal: Principal): readonly string[] {
  return principal.orgIds;
}
