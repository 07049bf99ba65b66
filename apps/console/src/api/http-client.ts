import { ApiError, problemOf } from './problem';

/** The two back ends the console talks to, both behind the console server's same-origin reverse proxy. */
export type Backend = 'outreach' | 'analytics';

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly json?: unknown;
  readonly form?: Readonly<Record<string, string>>;
  readonly accept?: string;
}

export type UnauthorisedListener = () => void;

/**
 * Sends authenticated requests to `/api/<backend>/...`. A 401 means the token expired or was revoked: the
 * listener signs the user out once rather than letting every page show its own error.
 */
export class HttpClient {
  constructor(
    private readonly token: () => string | undefined,
    private readonly onUnauthorised: UnauthorisedListener = () => undefined,
    private readonly baseUrl = '/api',
  ) {}

  url(backend: Backend, path: string, query?: RequestOptions['query']): string {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== '') search.set(key, String(value));
    }
    const qs = search.toString();
    return `${this.baseUrl}/${backend}${path}${qs ? `?${qs}` : ''}`;
  }

  async json<T>(backend: Backend, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(backend, path, { accept: 'application/json', ...options });
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  async blob(backend: Backend, path: string, options: RequestOptions = {}): Promise<Blob> {
    const response = await this.send(backend, path, options);
    return response.blob();
  }

  private async send(backend: Backend, path: string, options: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = {};
    if (options.accept) headers['accept'] = options.accept;
    const token = this.token();
    if (token) headers['authorization'] = `Bearer ${token}`;
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    }
    const response = await fetch(this.url(backend, path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body,
    });
    if (response.ok) return response;
    const error = await problemOf(response);
    if (response.status === 401 && token) this.onUnauthorised();
    throw error;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
