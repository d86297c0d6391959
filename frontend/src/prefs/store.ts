// Per-browser preferences (language, large text), kept in localStorage.
// A tiny external store so both React (useSyncExternalStore) and the API
// client (Accept-Language) read the same value.
export type Lang = 'zh' | 'en';
export interface Prefs {
  lang: Lang;
  largeText: boolean;
}

export const LANG_KEY = 'doorstep.lang';
export const LARGE_TEXT_KEY = 'doorstep.largeText';

function safeGet(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function safeSet(key: string, value: string) {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // private mode or storage full: the preference lasts for this page only
  }
}

function read(): Prefs {
  return {
    lang: safeGet(LANG_KEY) === 'en' ? 'en' : 'zh',
    largeText: safeGet(LARGE_TEXT_KEY) === '1',
  };
}

let prefs: Prefs = read();
const listeners = new Set<() => void>();

function update(next: Prefs) {
  prefs = next;
  listeners.forEach((l) => l());
}

export function getPrefs(): Prefs {
  return prefs;
}

export function subscribePrefs(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setLang(lang: Lang) {
  safeSet(LANG_KEY, lang);
  update({ ...prefs, lang });
}

export function setLargeText(largeText: boolean) {
  safeSet(LARGE_TEXT_KEY, largeText ? '1' : '0');
  update({ ...prefs, largeText });
}

/** Re-reads localStorage (tests call this after clearing storage). */
export function reloadPrefs() {
  update(read());
}
