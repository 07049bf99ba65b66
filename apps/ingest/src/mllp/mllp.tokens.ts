export interface MllpOptions {
  readonly port: number;
  /** When set, MLLP runs over TLS and every client must present a certificate signed by `ca`. */
  readonly tls?: { readonly key: string; readonly cert: string; readonly ca: string };
}

export const MLLP_OPTIONS = Symbol('MLLP_OPTIONS');
