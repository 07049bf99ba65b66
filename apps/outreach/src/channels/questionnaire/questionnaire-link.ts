import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { QuestionnaireError, QuestionnaireErrorCode } from './questionnaire.errors';

/** What a link grants: one response to one questionnaire, for one patient and task, until it expires. */
export interface QuestionnaireLinkClaims {
  /** Link id; the response is stored under it, so a second submission is refused. */
  readonly linkId: string;
  readonly taskId: string;
  readonly orgId: string;
  readonly patientEnterpriseId: string;
  readonly questionnaireId: string;
  readonly questionnaireVersion: number;
  /** Unix seconds. */
  readonly expiresAt: number;
}

interface WirePayload {
  readonly v: 1;
  readonly l: string;
  readonly t: string;
  readonly o: string;
  readonly p: string;
  readonly q: string;
  readonly qv: number;
  readonly exp: number;
}

const TOKEN = /^([A-Za-z0-9_-]{20,2000})\.([A-Za-z0-9_-]{43})$/;

/**
 * Tokens for questionnaire links: `base64url(JSON claims).base64url(HMAC-SHA256(key, first part))`. The
 * claims are readable by whoever holds the link (ids only, no name or number); only the key can mint one.
 * Several keys may verify so the signing key can be rotated without breaking links already sent.
 */
export class QuestionnaireLinkSigner {
  readonly #signingKey: Buffer;
  readonly #verifyingKeys: readonly Buffer[];

  constructor(signingKey: string, previousKeys: readonly string[] = []) {
    if (Buffer.byteLength(signingKey) < 32) throw new Error('questionnaire link key must be at least 32 bytes');
    this.#signingKey = Buffer.from(signingKey, 'utf8');
    this.#verifyingKeys = [this.#signingKey, ...previousKeys.map((key) => Buffer.from(key, 'utf8'))];
  }

  sign(claims: Omit<QuestionnaireLinkClaims, 'linkId'> & { readonly linkId?: string }): string {
    const payload: WirePayload = {
      v: 1,
      l: claims.linkId ?? randomUUID(),
      t: claims.taskId,
      o: claims.orgId,
      p: claims.patientEnterpriseId,
      q: claims.questionnaireId,
      qv: claims.questionnaireVersion,
      exp: claims.expiresAt,
    };
    const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${body}.${mac(this.#signingKey, body)}`;
  }

  /** The claims of an authentic, unexpired token, or a QuestionnaireError saying why not. */
  verify(token: string, nowMs: number): QuestionnaireLinkClaims {
    const match = TOKEN.exec(token);
    const body = match?.[1];
    const signature = match?.[2];
    if (
      body === undefined ||
      signature === undefined ||
      !this.#verifyingKeys.some((key) => same(mac(key, body), signature))
    ) {
      throw new QuestionnaireError(QuestionnaireErrorCode.LinkInvalid, 'The link is not valid.');
    }
    const claims = parsePayload(body);
    if (claims === undefined) {
      throw new QuestionnaireError(QuestionnaireErrorCode.LinkInvalid, 'The link is not valid.');
    }
    if (claims.expiresAt * 1000 <= nowMs) {
      throw new QuestionnaireError(QuestionnaireErrorCode.LinkExpired, 'The link has expired.');
    }
    return claims;
  }
}

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body, 'utf8').digest('base64url');
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function parsePayload(body: string): QuestionnaireLinkClaims | undefined {
  try {
    const wire = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<WirePayload>;
    const texts = [wire.l, wire.t, wire.o, wire.p, wire.q];
    if (wire.v !== 1 || texts.some((value) => typeof value !== 'string' || value === '')) return undefined;
    if (!Number.isInteger(wire.qv) || !Number.isInteger(wire.exp)) return undefined;
    return {
      linkId: wire.l as string,
      taskId: wire.t as string,
      orgId: wire.o as string,
      patientEnterpriseId: wire.p as string,
      questionnaireId: wire.q as string,
      questionnaireVersion: wire.qv as number,
      expiresAt: wire.exp as number,
    };
  } catch {
    return undefined;
  }
}
