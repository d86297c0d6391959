import type { Lang } from '../prefs/store';

/** An action's answer from the server: allowed now, or why not (both languages). */
export interface Permission {
  allowed: boolean;
  reason?: { zh: string; en: string };
}

/** Why an action is refused, in the UI language ("" when it is allowed). */
export function reasonText(p: Permission | undefined, lang: Lang): string {
  if (!p || p.allowed || !p.reason) return '';
  return lang === 'en' ? p.reason.en : p.reason.zh;
}
