import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { MetricsRegistry } from './metrics-registry';

/** Times every request; the route label is the matched pattern (`/plans/:id`), never the raw URL. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: MetricsRegistry) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const stop = this.metrics.httpRequestDuration.startTimer();
    response.once('finish', () => {
      stop({ method: request.method, route: matchedRoute(request), status_code: String(response.statusCode) });
    });
    next();
  }
}

function matchedRoute(request: Request): string {
  const route: unknown = request.route;
  if (route && typeof route === 'object' && 'path' in route && typeof route.path === 'string') {
    return `${request.baseUrl}${route.path}`;
  }
  // Unmatched URLs (404s, scanners) would explode label cardinality.
  return 'unmatched';
}
