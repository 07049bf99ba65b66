import { type Locale } from '../i18n/messages';

/** Text the services send in both languages (metric names and definitions, dimension labels). */
export type LocalisedText = Readonly<Record<Locale, string>>;

export function pick(text: LocalisedText | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] || text['zh-CN'] || text.en || '';
}
