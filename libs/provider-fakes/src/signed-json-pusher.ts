import { signedHeaders } from './protocol/signed-payload';

export interface Delivery {
  readonly url: string;
  readonly body: string;
  readonly status: number;
}

/**
 * Pushes JSON to a webhook signed as the generic provider protocol signs it, retrying non-2xx answers a few
 * times as providers do. Every try is kept for assertions.
 */
export class SignedJsonPusher {
  readonly deliveries: Delivery[] = [];

  constructor(
    private readonly keyId: string,
    private readonly secret: string,
    private readonly now: () => number,
  ) {}

  async push(url: string, payload: unknown, options: { secret?: string; atMs?: number; tries?: number } = {}) {
    const body = JSON.stringify(payload);
    let status = 0;
    for (let attempt = 0; attempt < (options.tries ?? 3); attempt += 1) {
      const headers = signedHeaders(this.keyId, options.secret ?? this.secret, body, options.atMs ?? this.now());
      status = await fetch(url, { method: 'POST', headers, body }).then(
        async (response) => {
          await response.arrayBuffer();
          return response.status;
        },
        () => 0,
      );
      this.deliveries.push({ url, body, status });
      if (status >= 200 && status < 300) break;
      if (status >= 400 && status < 500) break;
    }
    return status;
  }
}
