import type { FieldProblem } from '@revisit/platform';
import type { QuestionnaireDefinition } from './questionnaire-catalogue';
import { QuestionnaireErrorCode } from './questionnaire.errors';
import type { SurveyLocale } from './survey-locale';

/**
 * Server-rendered survey pages: one small HTML document each, inline CSS, no script and no external asset,
 * so they open fast on any phone browser (WeChat's included) and the CSP can forbid everything else.
 */
const TEXT = {
  'zh-CN': {
    submit: '提交',
    veryPoor: '非常不满意',
    excellent: '非常满意',
    thanksTitle: '提交成功',
    thanks: '感谢您的反馈！我们会认真阅读每一条意见。',
    fix: '请检查标红的问题后再提交。',
    switchTo: 'English',
    [QuestionnaireErrorCode.LinkInvalid]: [
      '链接无效',
      '此链接无法识别，可能已被修改。请使用短信或微信中收到的原始链接。',
    ],
    [QuestionnaireErrorCode.LinkExpired]: ['链接已过期', '此问卷链接已过期。如需反馈，请致电我们的回访中心。'],
    [QuestionnaireErrorCode.LinkUsed]: ['问卷已提交', '此问卷已经提交过了，感谢您的反馈。'],
    [QuestionnaireErrorCode.UnknownQuestionnaire]: ['问卷不存在', '找不到此问卷，请联系回访中心。'],
  },
  en: {
    submit: 'Submit',
    veryPoor: 'Very dissatisfied',
    excellent: 'Very satisfied',
    thanksTitle: 'Thank you',
    thanks: 'Thank you for your feedback! We read every comment.',
    fix: 'Please check the questions marked in red and submit again.',
    switchTo: '中文',
    [QuestionnaireErrorCode.LinkInvalid]: [
      'Link not valid',
      'This link cannot be recognised and may have been altered. Please use the link from your SMS or WeChat.',
    ],
    [QuestionnaireErrorCode.LinkExpired]: [
      'Link expired',
      'This questionnaire link has expired. To give feedback, please call our follow-up centre.',
    ],
    [QuestionnaireErrorCode.LinkUsed]: [
      'Already submitted',
      'This questionnaire has already been answered. Thank you.',
    ],
    [QuestionnaireErrorCode.UnknownQuestionnaire]: [
      'Questionnaire not found',
      'This questionnaire cannot be found. Please contact the follow-up centre.',
    ],
  },
} as const;

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;
color:#1f2933;background:#f5f7fa}main{max-width:560px;margin:0 auto;padding:20px 16px 40px}
h1{font-size:1.35rem;margin:8px 0 12px}p{margin:0 0 16px}.lang{float:right;font-size:.9rem}
fieldset{border:0;margin:0 0 20px;padding:16px;background:#fff;border-radius:10px}
legend{font-weight:600;padding:0;margin-bottom:10px;float:left;width:100%}
.scale{display:flex;flex-wrap:wrap;gap:6px;clear:both}.scale label{flex:1 0 2.6rem;text-align:center}
.scale input{position:absolute;opacity:0}.scale span{display:block;padding:10px 0;border:1px solid #cbd2d9;
border-radius:8px;background:#fff;min-height:44px}.scale input:checked+span{background:#0b7285;color:#fff;border-color:#0b7285}
.scale input:focus-visible+span{outline:3px solid #f59f00}.ends{display:flex;justify-content:space-between;
font-size:.8rem;color:#616e7c;margin-top:6px;clear:both}textarea{width:100%;min-height:7rem;font:inherit;padding:8px;
border:1px solid #cbd2d9;border-radius:8px;clear:both;display:block}.error{color:#c92a2a;font-size:.9rem;clear:both}
.invalid{outline:2px solid #c92a2a}button{width:100%;min-height:48px;font-size:1.05rem;border:0;border-radius:10px;
background:#0b7285;color:#fff}`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function document(locale: SurveyLocale, title: string, body: string): string {
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>` +
    `<body><main>${body}</main></body></html>`
  );
}

export interface SurveyFormState {
  readonly values?: Readonly<Record<string, string>>;
  readonly problems?: readonly FieldProblem[];
}

export function renderSurveyForm(
  definition: QuestionnaireDefinition,
  locale: SurveyLocale,
  state: SurveyFormState = {},
): string {
  const t = TEXT[locale];
  const other: SurveyLocale = locale === 'en' ? 'zh-CN' : 'en';
  const problemOf = (field: string) => state.problems?.find((p) => p.field === `/${field}`);
  const scale = (name: string, label: string, min: number, max: number, required: boolean, ends: [string, string]) => {
    const problem = problemOf(name);
    const options = Array.from({ length: max - min + 1 }, (_, i) => min + i)
      .map((value) => {
        const checked = state.values?.[name] === String(value) ? ' checked' : '';
        const req = required && value === min ? ' required' : '';
        return `<label><input type="radio" name="${name}" value="${value}"${checked}${req}><span>${value}</span></label>`;
      })
      .join('');
    return (
      `<fieldset${problem ? ' class="invalid"' : ''}><legend>${escapeHtml(label)}</legend>` +
      `<div class="scale">${options}</div><div class="ends"><span>${escapeHtml(ends[0])}</span>` +
      `<span>${escapeHtml(ends[1])}</span></div>${problem ? `<p class="error">${escapeHtml(problem.message)}</p>` : ''}</fieldset>`
    );
  };
  const parts = [
    `<a class="lang" href="?lang=${other}">${t.switchTo}</a>`,
    `<h1>${escapeHtml(definition.title[locale])}</h1><p>${escapeHtml(definition.intro[locale])}</p>`,
    state.problems?.length ? `<p class="error" role="alert">${escapeHtml(t.fix)}</p>` : '',
    `<form method="post" action="?lang=${locale}">`,
    scale('csat', definition.csat.label[locale], 1, 5, definition.csat.required, [t.veryPoor, t.excellent]),
    definition.nps ? scale('nps', definition.nps.label[locale], 0, 10, definition.nps.required, ['0', '10']) : '',
    definition.freeText
      ? `<fieldset><legend><label for="freeText">${escapeHtml(definition.freeText.label[locale])}</label></legend>` +
        `<textarea id="freeText" name="freeText" maxlength="2000">${escapeHtml(state.values?.['freeText'] ?? '')}</textarea></fieldset>`
      : '',
    `<button type="submit">${t.submit}</button></form>`,
  ];
  return document(locale, definition.title[locale], parts.join(''));
}

export function renderThanks(locale: SurveyLocale): string {
  const t = TEXT[locale];
  return document(locale, t.thanksTitle, `<h1>${t.thanksTitle}</h1><p>${t.thanks}</p>`);
}

export function renderRefusal(code: QuestionnaireErrorCode, locale: SurveyLocale): string {
  const [title, text] = TEXT[locale][code];
  return document(locale, title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`);
}
