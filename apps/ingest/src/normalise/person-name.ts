import { pinyin } from 'pinyin-pro';
import { type NameScript, type NormalisedName } from './normalised-event';

const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Han/kana text is ideographic or phonetic regardless of what the sender's representation code says. */
export function detectScript(text: string, declared?: string): NameScript {
  if (HAN.test(text)) return 'ideographic';
  if (KANA.test(text)) return declared === 'I' ? 'ideographic' : 'phonetic';
  switch (declared) {
    case 'I':
      return 'ideographic';
    case 'P':
      return 'phonetic';
    case 'A':
      return 'alphabetic';
    default:
      return /[A-Za-z]/.test(text) ? 'alphabetic' : 'unspecified';
  }
}

/** Builds a name; Chinese names are written surname first without a space, others given-first. */
export function makeName(
  family: string | undefined,
  given: string | undefined,
  declaredScript?: string,
  text?: string,
): NormalisedName | undefined {
  const f = family?.trim() || undefined;
  const g = given?.trim() || undefined;
  const han = HAN.test(`${f ?? ''}${g ?? ''}`) || KANA.test(`${f ?? ''}${g ?? ''}`);
  // CJK names are written surname first; alphabetic names given name first.
  const joined =
    text?.trim() ||
    (han
      ? [f, g].filter(Boolean).join(KANA.test(`${f ?? ''}${g ?? ''}`) ? ' ' : '')
      : [g, f].filter(Boolean).join(' '));
  if (!joined) return undefined;
  const script = detectScript(joined, declaredScript);
  const name: NormalisedName = { family: f, given: g, text: joined, script };
  if (script === 'ideographic' && HAN.test(joined) && !KANA.test(joined)) {
    return {
      ...name,
      pinyin: pinyin(joined.replace(/\s+/g, ''), { toneType: 'none', type: 'array' }).join(' ').toLowerCase(),
    };
  }
  return name;
}
