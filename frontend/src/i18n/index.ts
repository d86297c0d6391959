import { useCallback } from 'react';
import type { Locale } from 'antd/es/locale';
import { usePrefs } from '../prefs/usePrefs';
import type { Lang } from '../prefs/store';
import { setLang } from '../prefs/store';
import core, { type MessageKey, type Messages } from './zh';

export type { MessageKey };
export type Vars = Record<string, string | number>;
export type TFunction = (key: MessageKey, vars?: Vars) => string;

// English is fetched when first needed (main.tsx before the first render, or
// the language switch), keeping it off the first page of Chinese readers.
// The lifecycle areas' Chinese joins `zh` when their pages load (lifecycle.ts).
const zh: Record<string, string> = { ...core };
const dictionaries: Partial<Record<Lang, Partial<Messages>>> = { zh };

/** Adds an area's Chinese messages (called once by lifecycle.ts when a lifecycle page loads). */
export function addChinese(messages: Record<string, string>): void {
  Object.assign(zh, messages);
}

// antd's own English (date pickers, pagination, empty states) comes with ours.
let antdEnglish: Locale | undefined;

export async function loadLang(lang: Lang): Promise<void> {
  if (lang === 'en' && !dictionaries.en) {
    const [en, antd] = await Promise.all([import('./en'), import('antd/es/locale/en_US')]);
    antdEnglish = antd.default;
    dictionaries.en = en.default;
  }
}

/** antd's locale for `lang` once loadLang(lang) has run (Chinese until then). */
export function antdLocaleFor(lang: Lang, zhCN: Locale): Locale {
  return lang === 'en' && antdEnglish ? antdEnglish : zhCN;
}

/** Switches the UI language once its messages are loaded. */
export async function switchLang(lang: Lang): Promise<void> {
  await loadLang(lang);
  setLang(lang);
}

/** Looks up a message and fills {placeholders}. In tests a key that is not
 *  loaded fails loudly: a lifecycle page that forgot `import
 *  '…/i18n/lifecycle'` would otherwise show the raw key to Chinese readers. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const found: string | undefined = dictionaries[lang]?.[key] ?? zh[key];
  if (found === undefined && import.meta.env.MODE === 'test') {
    throw new Error(`i18n: "${key}" is not loaded — its area's messages (i18n/lifecycle.ts) must be imported by the page`);
  }
  const text = found ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zh, key);
}

/** Translates a key built at run time (e.g. from an API code), else shows `fallback`. */
export function tDynamic(t: TFunction, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

export function useT(): TFunction {
  const { lang } = usePrefs();
  return useCallback((key, vars) => translate(lang, key, vars), [lang]);
}

export function useLang(): Lang {
  return usePrefs().lang;
}

/** Formats an ISO timestamp as a date (and optionally time) in the UI language. */
export function formatDate(lang: Lang, iso: string | null | undefined, withTime = false): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  });
}
