/**
 * Stand-in for the analytics dashboard API with the shapes of apps/analytics' MetricsController (`GET /v1/metrics`,
 * `/v1/metrics/{id}`, `/v1/metrics/{id}/patients`, `format=csv`), over a small hand-worked data set of two clinics (sites). Tokens are verified with the outreach
 * stand-in's key and the `org` asked for must be the token's; other roles get masked ids, as the real service does.
 */
import { type JWTPayload } from 'jose';
import { type HttpCall, problem, type Reply, startJsonServer } from './json-http';

type Authorise = (call: HttpCall, roles: readonly string[]) => Promise<JWTPayload | Reply>;

interface ClinicFacts {
  /** Patient retention: patients at start, at end, new in the period. */
  readonly ps: number;
  readonly pe: number;
  readonly pn: number;
  /** NPS answers. */
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  /** Follow-up tasks on time / due. */
  readonly onTime: number;
  readonly due: number;
}

/**
 * East: PRR (42 - 12) / 40 = 75 %, NPS (6 - 2) / 10 = +40, on time 18 / 20 = 90 %.
 * West: PRR (51 - 9) / 60 = 70 %, NPS (3 - 4) / 10 = -10, on time 27 / 36 = 75 %.
 * Both: PRR (93 - 21) / 100 = 72 %, NPS (9 - 6) / 20 = +15, on time 45 / 56 = 80.4 %.
 */
export const KNOWN_FACTS: Record<string, ClinicFacts> = {
  'clinic-east': { ps: 40, pe: 42, pn: 12, promoters: 6, passives: 2, detractors: 2, onTime: 18, due: 20 },
  'clinic-west': { ps: 60, pe: 51, pn: 9, promoters: 3, passives: 3, detractors: 4, onTime: 27, due: 36 },
};

const METRICS = [
  {
    id: 'patient-retention-rate',
    name: { 'zh-CN': '患者留存率', en: 'Patient retention rate' },
    definition: { 'zh-CN': 'PRR = (期末患者数 − 新增患者数) ÷ 期初患者数', en: 'PRR = (PE − PN) ÷ PS' },
    unit: 'ratio',
  },
  {
    id: 'net-promoter-score',
    name: { 'zh-CN': '净推荐值', en: 'Net Promoter Score' },
    definition: {
      'zh-CN': '(推荐者 − 贬损者) ÷ 回答数 × 100；9-10 分为推荐者，0-6 分为贬损者',
      en: '(promoters − detractors) ÷ answers × 100; 9-10 promoters, 0-6 detractors',
    },
    unit: 'percentage-points',
  },
  {
    id: 'follow-up-on-time-rate',
    name: { 'zh-CN': '回访及时率', en: 'Follow-up on-time rate' },
    definition: { 'zh-CN': '按期完成的回访任务 ÷ 到期任务', en: 'Tasks completed by their deadline ÷ tasks due' },
    unit: 'ratio',
  },
] as const;

function sum(clinics: readonly string[]): ClinicFacts {
  const zero: ClinicFacts = { ps: 0, pe: 0, pn: 0, promoters: 0, passives: 0, detractors: 0, onTime: 0, due: 0 };
  return clinics.reduce((total, clinic) => {
    const f = KNOWN_FACTS[clinic] as ClinicFacts;
    return Object.fromEntries(
      Object.entries(total).map(([k, v]) => [k, v + f[k as keyof ClinicFacts]]),
    ) as unknown as ClinicFacts;
  }, zero);
}

function value(id: string, f: ClinicFacts): number | null {
  switch (id) {
    case 'patient-retention-rate':
      return f.ps === 0 ? null : (f.pe - f.pn) / f.ps;
    case 'net-promoter-score': {
      const answers = f.promoters + f.passives + f.detractors;
      return answers === 0 ? null : ((f.promoters - f.detractors) / answers) * 100;
    }
    default:
      return f.due === 0 ? null : f.onTime / f.due;
  }
}

export async function startContractAnalytics(authorise: Authorise) {
  const isReply = (v: JWTPayload | Reply): v is Reply => 'status' in v && typeof v.status === 'number';
  return startJsonServer(async (call) => {
    const caller = await authorise(call, ['supervisor', 'admin']);
    if (isReply(caller)) return caller;
    if (call.path === '/v1/metrics') return { status: 200, body: { metrics: METRICS } };
    const route = /^\/v1\/metrics\/([a-z-]+)(\/patients)?$/.exec(call.path);
    const metric = METRICS.find((m) => m.id === route?.[1]);
    if (!route || !metric) return problem(404, 'metrics.unknown-metric', 'Unknown metric');
    const org = call.query.get('org');
    const from = call.query.get('from');
    const to = call.query.get('to');
    if (!org || !from || !to) return problem(400, 'request.invalid', 'org, from and to are required');
    // As the real guard: the organisation asked for must be the token's.
    if (!((caller['org_ids'] as string[] | undefined) ?? []).includes(org)) {
      return problem(403, 'access.other-organisation', 'org must be the organisation of your token');
    }
    const site = call.query.get('site');
    const sites = site ? [site] : Object.keys(KNOWN_FACTS);
    const known = sites.filter((s) => KNOWN_FACTS[s]);
    const query = { org, from, to, filters: site ? { site } : {} };

    if (route[2]) {
      const roles = (caller['roles'] as string[] | undefined) ?? [];
      const masked = !roles.includes('supervisor') && !roles.includes('admin');
      const patients = known.map((s, i) => ({
        patientId: masked ? 'EP******0' + String(i + 1) : `EP0000000${i + 1}`,
        facts: 2,
        firstDate: from,
        lastDate: to,
        site: s,
      }));
      return { status: 200, body: { metric, query, masked, patients } };
    }
    const groupBy = call.query.get('groupBy');
    const groups =
      groupBy === 'site'
        ? known.map((s) => ({ key: s, value: value(metric.id, sum([s])) }))
        : [{ key: null, value: known.length === 0 ? null : value(metric.id, sum(known)) }];
    if (call.query.get('format') === 'csv') {
      const rows = groups.map((g) => `${g.key ?? '全部'},${g.value}`).join('\n');
      return {
        status: 200,
        contentType: 'text/csv; charset=utf-8',
        body: `\uFEFF分组,${metric.name['zh-CN']}\n${rows}\n`,
      };
    }
    return { status: 200, body: { metric, query: { ...query, groupBy }, groups } };
  });
}
