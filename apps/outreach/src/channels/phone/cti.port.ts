import type { OutreachChannelPort } from '../channel.port';

/**
 * Click-to-call (点击外呼): the CTI rings the agent's extension, then dials the patient and bridges them. The
 * number goes from this service to the CTI only; the agent's screen gets the call id and a masked number.
 */
export interface ClickToCallRequest {
  /** The agent's extension (分机号) on the CTI. */
  readonly agentExtension: string;
  /** The patient's number, E.164 (`+8613812345678`, `+862154321234`). */
  readonly patientPhone: string;
  /** Our attempt id, echoed in every call event. */
  readonly reference: string;
  /** Outgoing line or trunk to use, e.g. another line after a line fault. */
  readonly lineId?: string;
}

/** Port for agent calls through a CTI platform; `send` places the call and returns the CTI's call id. */
export type CtiPort = OutreachChannelPort<ClickToCallRequest>;
