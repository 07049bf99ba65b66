export interface MllpOptions {
  readonly port: number;
}

export const MLLP_OPTIONS = Symbol('MLLP_OPTIONS');
