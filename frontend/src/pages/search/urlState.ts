import { useSearchParams } from 'react-router';

/**
 * URL state shared by the search pages (orders, workshops): each page reads a
 * typed state from the query string and writes it back, so a search can be
 * shared and reloaded. Anything malformed in the URL reads as "not set".
 */

export const readText = (p: URLSearchParams, key: string) => p.get(key) ?? '';

/** A 6-digit region code, or ''. */
export const readRegion = (p: URLSearchParams) => (/^\d{6}$/.test(p.get('region') ?? '') ? p.get('region')! : '');

/** A 1-based page number (1 when missing or bad). */
export const readPage = (p: URLSearchParams) => Math.max(1, Number(p.get('page')) || 1);

/** One of values, or ''. */
export function readOneOf<T extends string>(p: URLSearchParams, key: string, values: readonly T[]): T | '' {
  const v = p.get(key) ?? '';
  return (values as readonly string[]).includes(v) ? (v as T) : '';
}

/** One of values, or fallback. */
export function readNumberIn(p: URLSearchParams, key: string, values: readonly number[], fallback: number): number {
  const n = Number(p.get(key));
  return values.includes(n) ? n : fallback;
}

type Value = string | number | boolean | null | undefined;

/**
 * The query string of [key, value] pairs in order: text when not blank,
 * numbers when not 0, true as 1; missing, false and empty values are left
 * out, and so is page 1.
 */
export function writeParams(pairs: [string, Value][]): URLSearchParams {
  const p = new URLSearchParams();
  for (const [key, raw] of pairs) {
    const v = typeof raw === 'string' ? raw.trim() : raw;
    if (v == null || v === false || v === '' || v === 0 || (key === 'page' && v === 1)) continue;
    p.set(key, v === true ? '1' : String(v));
  }
  return p;
}

/** A page's state and a setter that goes back to page 1 unless the patch sets the page. */
export function useUrlState<S extends { page: number }>(read: (p: URLSearchParams) => S, write: (s: S) => URLSearchParams) {
  const [params, setParams] = useSearchParams();
  const state = read(params);
  const set = (patch: Partial<S>) => {
    const next = { ...state, ...patch };
    if (!('page' in patch)) next.page = 1;
    setParams(write(next), { replace: true });
  };
  return { state, set };
}
