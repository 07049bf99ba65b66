/** RFC 9457 problem details as the Revisit services send them (closed `code`, `errorId` on a 500). */
export interface Problem {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly code?: string;
  readonly errorId?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

/** Reads a problem document from a failed response; a proxy's HTML error page still yields a usable error. */
export async function problemOf(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Problem;
      return new ApiError(response.status, typeof body === 'object' && body !== null ? body : {});
    } catch {
      // fall through: a truncated or non-JSON body is reported by status alone
    }
  }
  return new ApiError(response.status, { status: response.status, title: response.statusText || undefined });
}
