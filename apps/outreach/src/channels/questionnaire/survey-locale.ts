export type SurveyLocale = 'zh-CN' | 'en';

/**
 * The page language: `?lang=` when given (a patient switched), else the best of zh / en in Accept-Language
 * by q-value, else Chinese.
 */
export function pickSurveyLocale(lang: string | undefined, acceptLanguage: string | undefined): SurveyLocale {
  const explicit = lang?.toLowerCase();
  if (explicit === 'en') return 'en';
  if (explicit?.startsWith('zh')) return 'zh-CN';
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^q=([01](?:\.\d{1,3})?)$/.exec(p.trim())?.[1]).find((v) => v !== undefined);
      return { tag, q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.q > 0 && (entry.tag.startsWith('zh') || entry.tag.startsWith('en')))
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag.startsWith('en') ? 'en' : 'zh-CN';
}
