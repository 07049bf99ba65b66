import { type FellegiSunterModel } from './matching';

/** The m/u weights the incremental linker scores with. */
export type MatchModelSource = () => FellegiSunterModel;

export const MATCH_MODEL = Symbol('MATCH_MODEL');
