import { Type } from '@sinclair/typebox';

const Secret = (minLength = 16) => Type.Optional(Type.String({ minLength }));
const Id = () => Type.Optional(Type.String({ minLength: 1, maxLength: 128, pattern: '^[^\\s]+$' }));
const Url = () => Type.Optional(Type.String({ format: 'uri', pattern: '^https?://' }));

/**
 * Provider settings of the outreach channels. Every channel is optional; a channel is on when its keys are
 * set, and then all of its keys are required (checked at boot, see CHANNEL_CONFIG_DEPENDENCIES). Secrets may
 * come from mounted files (`<KEY>_FILE`).
 */
export const channelsConfigProperties = {
  CHANNEL_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60000, default: 10000 }),
  WECHAT_OA_APP_ID: Id(),
  WECHAT_OA_APP_SECRET: Secret(),
  /** The Token set under 服务器配置, used to verify WeChat's event pushes. */
  WECHAT_OA_CALLBACK_TOKEN: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{3,32}$' })),
  WECHAT_OA_TOKEN_GRANT: Type.Union([Type.Literal('stable_token'), Type.Literal('token')], { default: 'stable_token' }),
  WECHAT_OA_API_BASE: Type.String({ format: 'uri', default: 'https://api.weixin.qq.com' }),
  WECOM_CORP_ID: Id(),
  WECOM_CORP_SECRET: Secret(),
  WECOM_API_BASE: Type.String({ format: 'uri', default: 'https://qyapi.weixin.qq.com' }),
  CTI_BASE_URL: Url(),
  CTI_KEY_ID: Id(),
  CTI_API_SECRET: Secret(),
  CTI_WEBHOOK_SECRET: Secret(),
  VOICE_ROBOT_BASE_URL: Url(),
  VOICE_ROBOT_KEY_ID: Id(),
  VOICE_ROBOT_API_SECRET: Secret(),
  VOICE_ROBOT_CALLBACK_SECRET: Secret(),
  /** Script (话术) for robot calls of tasks whose plan names none (`scriptRef`). */
  VOICE_ROBOT_DEFAULT_SCRIPT: Type.String({ minLength: 1, maxLength: 128, default: 'followup-general-v1' }),
  /** A placed robot call without a result after this long is given up and the robot rung tried again. */
  VOICE_ROBOT_RESULT_WAIT_MINUTES: Type.Integer({ minimum: 5, maximum: 7 * 24 * 60, default: 180 }),
  QUESTIONNAIRE_LINK_SECRET: Secret(32),
  /** Public origin the survey links point at, e.g. `https://fu.example-hospital.cn/`. */
  QUESTIONNAIRE_PUBLIC_BASE_URL: Url(),
  QUESTIONNAIRE_LINK_TTL_HOURS: Type.Integer({ minimum: 1, maximum: 24 * 90, default: 168 }),
};

const GROUPS: readonly (readonly string[])[] = [
  ['WECHAT_OA_APP_ID', 'WECHAT_OA_APP_SECRET', 'WECHAT_OA_CALLBACK_TOKEN'],
  ['WECOM_CORP_ID', 'WECOM_CORP_SECRET'],
  ['CTI_BASE_URL', 'CTI_KEY_ID', 'CTI_API_SECRET', 'CTI_WEBHOOK_SECRET'],
  ['VOICE_ROBOT_BASE_URL', 'VOICE_ROBOT_KEY_ID', 'VOICE_ROBOT_API_SECRET', 'VOICE_ROBOT_CALLBACK_SECRET'],
  ['QUESTIONNAIRE_LINK_SECRET', 'QUESTIONNAIRE_PUBLIC_BASE_URL'],
];

/** JSON Schema `dependencies`: any key of a channel makes the rest of that channel's keys required. */
export const CHANNEL_CONFIG_DEPENDENCIES: Readonly<Record<string, string[]>> = Object.fromEntries(
  GROUPS.flatMap((group) => group.map((key) => [key, group.filter((other) => other !== key)])),
);
