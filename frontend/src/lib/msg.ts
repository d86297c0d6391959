// Texts the server writes itself (a reason for a status, why a contract
// ended, a statement line's note) come in both languages (market.Msg); text a
// person typed comes as written in both. Pages show the UI language's.
import type { components } from '../api/openapi';
import type { Lang } from '../prefs/store';

export type Msg = components['schemas']['Msg'];

/** The message in the UI language; '' when there is none. */
export function msgText(m: Msg | null | undefined, lang: Lang): string {
  if (!m) return '';
  return lang === 'en' ? m.en : m.zh;
}
