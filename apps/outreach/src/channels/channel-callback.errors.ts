import { DomainError, type ProblemCatalogue } from '@revisit/platform';

/** Why a provider's callback (WeChat push, CTI event, robot result) was refused. */
export enum ChannelCallbackErrorCode {
  BadSignature = 'channel-callback.bad-signature',
  /** Signed, but outside the replay window. */
  Stale = 'channel-callback.stale',
  Malformed = 'channel-callback.malformed',
  /** The channel is not configured on this installation. */
  ChannelOff = 'channel-callback.channel-off',
}

const PROBLEMS: ProblemCatalogue<ChannelCallbackErrorCode> = {
  [ChannelCallbackErrorCode.BadSignature]: { status: 401, title: 'Callback signature is not valid' },
  [ChannelCallbackErrorCode.Stale]: { status: 401, title: 'Callback timestamp is outside the replay window' },
  [ChannelCallbackErrorCode.Malformed]: { status: 400, title: 'Callback body cannot be read' },
  [ChannelCallbackErrorCode.ChannelOff]: { status: 404, title: 'Channel is not configured' },
};

export class ChannelCallbackError extends DomainError<ChannelCallbackErrorCode> {
  constructor(code: ChannelCallbackErrorCode, message: string) {
    super(code, message, PROBLEMS);
  }
}
