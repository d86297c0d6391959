import { useSearchParams } from 'react-router';
import { DEPOSIT_KINDS, SEARCH_SORTS, type DepositKind, type SearchParams, type SearchSort } from '../../api/types';
import { yuanToFen } from '../../lib/money';

export const SEARCH_PER_PAGE = 20;
export const RADII = [5, 10, 20, 50, 100];

/** What the search page keeps in its URL (prices in yuan, as people type them). */
export interface SearchState {
  q: string;
  crafts: string[];
  region: string;
  min: string;
  max: string;
  deposit: DepositKind | '';
  sort: SearchSort | '';
  near: string;
  radius: number;
  page: number;
}

const LATLNG = /^-?\d{1,3}(\.\d+)?,-?\d{1,3}(\.\d+)?$/;

export function readSearch(p: URLSearchParams): SearchState {
  const deposit = p.get('deposit') ?? '';
  const sort = p.get('sort') ?? '';
  const near = p.get('near') ?? '';
  const radius = Number(p.get('radius_km'));
  return {
    q: p.get('q') ?? '',
    crafts: (p.get('craft') ?? '').split(',').filter(Boolean),
    region: /^\d{6}$/.test(p.get('region') ?? '') ? p.get('region')! : '',
    min: p.get('min') ?? '',
    max: p.get('max') ?? '',
    deposit: (DEPOSIT_KINDS as string[]).includes(deposit) ? (deposit as DepositKind) : '',
    sort: (SEARCH_SORTS as string[]).includes(sort) ? (sort as SearchSort) : '',
    near: LATLNG.test(near) ? near : '',
    radius: RADII.includes(radius) ? radius : 20,
    page: Math.max(1, Number(p.get('page')) || 1),
  };
}

export function writeSearch(s: SearchState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set('q', s.q.trim());
  if (s.crafts.length) p.set('craft', s.crafts.join(','));
  if (s.region) p.set('region', s.region);
  if (s.min) p.set('min', s.min);
  if (s.max) p.set('max', s.max);
  if (s.deposit) p.set('deposit', s.deposit);
  if (s.sort) p.set('sort', s.sort);
  if (s.near) {
    p.set('near', s.near);
    p.set('radius_km', String(s.radius));
  }
  if (s.page > 1) p.set('page', String(s.page));
  return p;
}

/** The API query for a page state (yuan → fen; bad prices are left out). */
export function toApiParams(s: SearchState): SearchParams {
  const sort = s.sort === 'distance' && !s.near ? undefined : s.sort || undefined;
  return {
    q: s.q.trim() || undefined,
    craft: s.crafts.length ? s.crafts.join(',') : undefined,
    region: s.region || undefined,
    price_min: yuanToFen(s.min) ?? undefined,
    price_max: yuanToFen(s.max) ?? undefined,
    deposit: s.deposit || undefined,
    near: s.near || undefined,
    radius_km: s.near ? s.radius : undefined,
    sort,
    page: s.page,
    per_page: SEARCH_PER_PAGE,
  };
}

/** The search state and a setter that resets to page 1 unless the page is set. */
export function useSearchState() {
  const [params, setParams] = useSearchParams();
  const state = readSearch(params);
  const set = (patch: Partial<SearchState>) => {
    const next = { ...state, ...patch };
    if (!('page' in patch)) next.page = 1;
    setParams(writeSearch(next), { replace: true });
  };
  return { state, set };
}
