import { type MetricDefinition } from './metric-definition';

/** Figures the dashboard shows that are plain counts or shares of read-model facts (no formula of their own). */
export const FOLLOW_UP_TASK_COUNTS: MetricDefinition = {
  id: 'follow-up-task-counts',
  name: { 'zh-CN': '回访任务：应访 / 已完成 / 逾期', en: 'Follow-up tasks: due / completed / overdue' },
  definition: {
    'zh-CN':
      '按到期日落在所选周期内的回访任务计数：应访 = 截至当前已到期且未取消的任务；已完成；已取消；逾期 = 已过到期时间仍未完成也未取消的任务。',
    en: 'Tasks whose due date falls in the period: due = past their due time by now and not cancelled; completed; cancelled; overdue = past their due time and still neither completed nor cancelled.',
  },
  unit: 'count',
};

export const ROBOT_CALL_SHARE: MetricDefinition = {
  id: 'robot-call-share',
  name: { 'zh-CN': '机器人外呼占比', en: 'Robot share of phone attempts' },
  definition: {
    'zh-CN': 'AI 语音机器人外呼次数 ÷ (机器人外呼 + 人工坐席外呼) 次数。',
    en: 'Phone attempts by the AI voice robot ÷ (robot + agent phone attempts).',
  },
  unit: 'ratio',
};

export const FOLLOW_UP_ESCALATIONS: MetricDefinition = {
  id: 'follow-up-escalations',
  name: { 'zh-CN': '升级处理数', en: 'Escalations' },
  definition: {
    'zh-CN':
      '周期内完成且需要主治医生回电的回访任务数，加上周期内结案时已升级至上级部门的投诉数（分组时只计回访任务）。',
    en: 'Follow-up tasks completed in the period that asked the treating doctor to call back, plus complaints closed in the period after escalation to a superior department (only the former when grouped).',
  },
  unit: 'count',
};

export const SURVEY_COMMENTS: MetricDefinition = {
  id: 'survey-comments',
  name: { 'zh-CN': '满意度调查文字意见', en: 'Survey comments' },
  definition: {
    'zh-CN': '周期内带有患者文字意见的问卷答复数；意见原文仅对有权限查看患者信息的角色在明细中显示。',
    en: 'Survey answers in the period that carry a free-text comment; the text is shown in the drill-down only to roles allowed to see patient data.',
  },
  unit: 'count',
};

export const COMPLAINTS_BY_KIND: MetricDefinition = {
  id: 'complaints-by-kind',
  name: { 'zh-CN': '投诉与反馈（按类型）', en: 'Complaints and feedback by kind' },
  definition: {
    'zh-CN': '周期内登记的反馈件数，按类型（批评、投诉、新需求、表扬、建议）分列。',
    en: 'Feedback cases opened in the period, by kind (criticism, complaint, need, praise, suggestion).',
  },
  unit: 'count',
};

export const AGENT_WORKLOAD: MetricDefinition = {
  id: 'agent-workload',
  name: { 'zh-CN': '坐席工作量', en: 'Agent workload' },
  definition: {
    'zh-CN':
      '每位坐席在周期内的外呼次数、通话时长（秒）、完成的回访任务数与被抽检通话的平均质检分；总值为外呼次数合计。',
    en: "Per agent in the period: calls made, talk time in seconds, follow-up tasks completed and the mean audit score of their sampled calls; the figure is the calls' total.",
  },
  unit: 'count',
};

export const CALL_AUDIT_SCORE: MetricDefinition = {
  id: 'call-audit-score',
  name: { 'zh-CN': '通话质检得分', en: 'Call audit score' },
  definition: {
    'zh-CN':
      '周期内（按通话日期）被随机抽检并评分的坐席通话的平均得分（0-100，质检清单得分 ÷ 满分），并按坐席列出抽检数与均分。',
    en: "Mean score (0-100, checklist points earned ÷ points possible) of the agents' calls drawn at random for audit and scored, by call date; per agent: calls audited and mean score.",
  },
  unit: 'score',
};
