import { DEFAULT_LOCALE, LOCALES, MESSAGES, translate } from './messages';

describe('console message catalogue', () => {
  it('defaults to Chinese', () => {
    expect(DEFAULT_LOCALE).toBe('zh-CN');
    expect(translate(DEFAULT_LOCALE, 'nav.dashboard')).toBe('经营看板');
    expect(translate(DEFAULT_LOCALE, 'nav.workbench')).toBe('我的工作台');
  });

  it('has a non-empty text for every key in every language, with the same placeholders', () => {
    const keys = Object.keys(MESSAGES['zh-CN']) as (keyof (typeof MESSAGES)['zh-CN'])[];
    for (const locale of LOCALES) {
      expect(Object.keys(MESSAGES[locale]).sort()).toEqual([...keys].sort());
      for (const key of keys) expect(MESSAGES[locale][key].trim()).not.toBe('');
    }
    const placeholders = (text: string): string[] => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of keys) expect(placeholders(MESSAGES.en[key])).toEqual(placeholders(MESSAGES['zh-CN'][key]));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh-CN', 'dashboard.patientCount', { count: 12 })).toBe('共 12 名患者');
    expect(translate('en', 'dashboard.patientCount', {})).toBe('{count} patient(s)');
  });
});
