import { PROBLEM_CONTENT_TYPE, problemType } from '@revisit/platform';
import { type ServerResponse } from 'node:http';

export enum ConsoleServerErrorCode {
  NotFound = 'console.not-found',
  MethodNotAllowed = 'console.method-not-allowed',
  UpstreamUnavailable = 'console.upstream-unavailable',
  UpstreamTimeout = 'console.upstream-timeout',
}

const STATUS: Record<ConsoleServerErrorCode, { status: number; title: string }> = {
  [ConsoleServerErrorCode.NotFound]: { status: 404, title: 'Not found' },
  [ConsoleServerErrorCode.MethodNotAllowed]: { status: 405, title: 'Method not allowed' },
  [ConsoleServerErrorCode.UpstreamUnavailable]: {
    status: 502,
    title: 'The service behind the console is not reachable',
  },
  [ConsoleServerErrorCode.UpstreamTimeout]: {
    status: 504,
    title: 'The service behind the console did not answer in time',
  },
};

/** Answers with RFC 9457 problem+json, like the services behind the proxy do. */
export function sendProblem(
  res: ServerResponse,
  code: ConsoleServerErrorCode,
  headers: Record<string, string> = {},
): void {
  const { status, title } = STATUS[code];
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { ...headers, 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store' });
  res.end(JSON.stringify({ type: problemType(code), title, status, code }));
}
