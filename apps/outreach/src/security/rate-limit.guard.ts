import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { type AuthenticatedRequest } from '@revisit/platform';
import type { Request, Response } from 'express';
import { RateLimitError } from './rate-limit.errors';
import { RateLimiter } from './rate-limiter';

/** Where providers push outcomes; each request is authenticated by the provider's signature. */
const PROVIDER_CALLBACKS = '/v1/channels/';

/**
 * Runs after authentication: counts per signed-in user, or per client IP for public routes. Provider
 * callbacks have a budget of their own: a provider pushes a batch's results in a burst from one address, and a
 * refused result may never be sent again, while people using the public pages from that address keep theirs.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const request = http.getRequest<Request & AuthenticatedRequest>();
    if (request.path.startsWith('/health/') || request.path === '/metrics') return true;
    const caller = request.principal
      ? `user:${request.principal.issuer}|${request.principal.subject}`
      : `ip:${request.ip ?? ''}`;
    try {
      if (!request.principal && request.path.startsWith(PROVIDER_CALLBACKS)) await this.limiter.consumeCallback(caller);
      else await this.limiter.consumeRequest(caller);
    } catch (error) {
      if (error instanceof RateLimitError) {
        http.getResponse<Response>().setHeader('Retry-After', String(error.retryAfterSeconds));
      }
      throw error;
    }
    return true;
  }
}
