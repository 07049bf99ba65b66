import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { TLSSocket } from 'node:tls';
import { type FeedSource } from './feed-source.entity';
import { SourceAuthenticator } from './source-authenticator.service';
import { SourceError, SourceErrorCode } from './sources.errors';

type FeedRequest = Request & { feedSource?: FeedSource };

/** `Authorization: ApiKey <key>` or `X-Api-Key: <key>`. */
export function presentedApiKey(request: Request): string | undefined {
  const authorization = request.headers.authorization;
  if (authorization) {
    const match = /^ApiKey\s+(\S+)$/i.exec(authorization);
    if (match) return match[1];
  }
  const header = request.headers['x-api-key'];
  return typeof header === 'string' && header ? header : undefined;
}

/**
 * Every feed endpoint is behind this guard: the request must carry an API key of a configured source, or
 * come over HTTPS with a client certificate that the TLS layer verified and a source lists.
 */
@Injectable()
export class FeedSourceGuard implements CanActivate {
  constructor(private readonly authenticator: SourceAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FeedRequest>();
    const key = presentedApiKey(request);
    if (key) {
      const source = await this.authenticator.byApiKey(key);
      if (!source) throw new SourceError(SourceErrorCode.CredentialsInvalid, 'The API key is not valid');
      request.feedSource = source;
      return true;
    }
    const socket = request.socket;
    // The HTTPS server asks for a certificate without requiring one, so an untrusted one reaches us here.
    if (socket instanceof TLSSocket && !socket.authorized && socket.getPeerCertificate()?.fingerprint256) {
      throw new SourceError(SourceErrorCode.CredentialsInvalid, 'The client certificate is not signed by a trusted CA');
    }
    if (socket instanceof TLSSocket && socket.authorized) {
      const certificate = socket.getPeerCertificate();
      const source = certificate?.fingerprint256
        ? await this.authenticator.byCertificateFingerprint(certificate.fingerprint256)
        : undefined;
      if (!source)
        throw new SourceError(SourceErrorCode.CredentialsInvalid, 'The client certificate is not bound to a source');
      request.feedSource = source;
      return true;
    }
    throw new SourceError(
      SourceErrorCode.CredentialsMissing,
      'Send an API key (Authorization: ApiKey <key> or X-Api-Key) or a client certificate',
    );
  }
}

/** The source `FeedSourceGuard` authenticated. */
export const AuthenticatedSource = createParamDecorator((_: unknown, context: ExecutionContext): FeedSource => {
  const source = context.switchToHttp().getRequest<FeedRequest>().feedSource;
  if (!source) throw new SourceError(SourceErrorCode.CredentialsMissing, 'No feed source on this request');
  return source;
});
