import { Controller, Get, HttpCode, Inject, Optional, Post, Query, Req } from '@nestjs/common';
import { Public } from '@revisit/platform';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { ChannelCallbackError, ChannelCallbackErrorCode } from './channel-callback.errors';
import { CHANNEL_OUTCOME_LISTENER, type ChannelOutcomeListener, storeChannelOutcome } from './channel-outcome.store';
import type { ChannelOutcome } from './channel.port';
import { outcomeOfCtiEvent, parseCtiCallEvent } from './phone/cti-call-event';
import { outcomeOfRobotCall, parseRobotCallResult } from './robot/robot-call-result';
import { SIGNATURE_HEADER, type SignatureCheck, TIMESTAMP_HEADER, verifySignedJson } from './signed-payload';
import { parseWechatEventPush } from './wechat/wechat-event-push';
import { checkWechatSignature } from './wechat/wechat-signature';

/** Secrets the callbacks are verified with; a channel without its secret answers 404. */
export interface ChannelCallbackSecrets {
  readonly wechatOaToken?: string;
  readonly ctiWebhookSecret?: string;
  readonly voiceRobotCallbackSecret?: string;
}
export const CHANNEL_CALLBACK_SECRETS = Symbol('CHANNEL_CALLBACK_SECRETS');

const MAX_PUSH_BYTES = 64 * 1024;

/**
 * Where providers report outcomes. Public routes: each request is authenticated by the provider's signature
 * over the exact bytes received, then the outcome is stored (once per provider message) before answering.
 */
@Controller('v1/channels')
export class ChannelCallbacksController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CHANNEL_CALLBACK_SECRETS) private readonly secrets: ChannelCallbackSecrets,
    @Optional() @Inject(CHANNEL_OUTCOME_LISTENER) private readonly listener?: ChannelOutcomeListener,
  ) {}

  /** WeChat's URL check when the server address is saved in the console: echo `echostr` if signed. */
  @Public()
  @Get('wechat-oa/events')
  verifyWechatUrl(@Query() query: Record<string, string | undefined>): string {
    this.checkWechat(query);
    return query['echostr'] ?? '';
  }

  @Public()
  @Post('wechat-oa/events')
  @HttpCode(200)
  async wechatPush(@Query() query: Record<string, string | undefined>, @Req() request: Request): Promise<string> {
    this.checkWechat(query);
    const parsed = parseWechatEventPush(await readText(request));
    if (parsed.kind === 'malformed') throw malformed();
    if (parsed.kind === 'outcomes') for (const outcome of parsed.outcomes) await this.store(outcome);
    // WeChat expects "success" (or an empty body); anything else makes it retry and warn the account owner.
    return 'success';
  }

  @Public()
  @Post('phone/cti-events')
  @HttpCode(204)
  async ctiEvent(@Req() request: Request): Promise<void> {
    const payload = this.verifySigned(this.secrets.ctiWebhookSecret, request);
    const outcome = outcomeOfCtiEvent(parseCtiCallEvent(payload));
    if (outcome !== undefined) await this.store(outcome);
  }

  @Public()
  @Post('phone/robot-results')
  @HttpCode(204)
  async robotResult(@Req() request: Request): Promise<void> {
    const payload = this.verifySigned(this.secrets.voiceRobotCallbackSecret, request);
    const result = parseRobotCallResult(payload);
    await this.store(outcomeOfRobotCall(result), {
      answers: result.answers,
      intents: result.intents ?? [],
      ...(result.scriptId === undefined ? {} : { scriptId: result.scriptId }),
      ...(result.freeText === undefined ? {} : { freeText: result.freeText }),
    });
  }

  private checkWechat(query: Record<string, string | undefined>): void {
    const token = this.secrets.wechatOaToken;
    if (token === undefined) throw channelOff();
    refuseUnless(checkWechatSignature(token, query, Date.now()));
  }

  private verifySigned(secret: string | undefined, request: Request): unknown {
    if (secret === undefined) throw channelOff();
    const raw = (request as Request & { rawBody?: Buffer }).rawBody;
    if (raw === undefined) throw malformed();
    const verdict = verifySignedJson(
      secret,
      { timestamp: request.header(TIMESTAMP_HEADER), signature: request.header(SIGNATURE_HEADER) },
      raw.toString('utf8'),
      Date.now(),
    );
    if (!verdict.ok) {
      if (verdict.reason === 'malformed') throw malformed();
      refuseUnless(verdict.reason);
    }
    return verdict.ok ? verdict.payload : undefined;
  }

  private async store(outcome: ChannelOutcome, answers?: Readonly<Record<string, unknown>>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const stored = await storeChannelOutcome(manager, outcome, answers);
      if (stored && this.listener) await this.listener.onOutcome(manager, outcome, answers);
    });
  }
}

function refuseUnless(check: SignatureCheck): void {
  if (check === 'bad-signature') {
    throw new ChannelCallbackError(ChannelCallbackErrorCode.BadSignature, 'The signature does not match.');
  }
  if (check === 'stale') throw new ChannelCallbackError(ChannelCallbackErrorCode.Stale, 'The timestamp is too old.');
}

function malformed(): ChannelCallbackError {
  return new ChannelCallbackError(ChannelCallbackErrorCode.Malformed, 'The body cannot be read.');
}

function channelOff(): ChannelCallbackError {
  return new ChannelCallbackError(ChannelCallbackErrorCode.ChannelOff, 'This channel is not configured.');
}

/** XML pushes are not parsed by the JSON/form body parsers, so the stream is read here, bounded. */
async function readText(request: Request): Promise<string> {
  const raw = (request as Request & { rawBody?: Buffer }).rawBody;
  if (raw !== undefined) return raw.toString('utf8');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_PUSH_BYTES) throw malformed();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
