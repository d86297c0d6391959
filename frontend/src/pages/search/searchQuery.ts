import { DEPOSIT_KINDS, SEARCH_SORTS, type DepositKind, type SearchParams, type SearchSort } from '../../api/types';
import { yuanToFen } from '../../lib/money';
import { readNumberIn, readOneOf, readPage, readRegion, readText, useUrlState, writeParams } from './urlState';

export const SEARCH_PER_PAGE = 20;
export const RADII = [5, 10, 20, 50, 100];
/** Company scorecard bounds offered (percent, rating); the API takes any value. */
export const REJECTION_MAX = ['5', '10', '20'] as const;
export const RATING_MIN = ['4', '4.5'] as const;

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
  /** the company's rejection rate at most (percent), '' = any */
  rejectionMax: (typeof REJECTION_MAX)[number] | '';
  /** the company's average rating at least, '' = any */
  ratingMin: (typeof RATING_MIN)[number] | '';
  page: number;
}

const LATLNG = /^-?\d{1,3}(\.\d+)?,-?\d{1,3}(\.\d+)?$/;

export function readSearch(p: URLSearchParams): SearchState {
  const near = readText(p, 'near');
  return {
    q: readText(p, 'q'),
    crafts: readText(p, 'craft').split(',').filter(Boolean),
    region: readRegion(p),
    min: readText(p, 'min'),
    max: readText(p, 'max'),
    deposit: readOneOf(p, 'deposit', DEPOSIT_KINDS),
    sort: readOneOf(p, 'sort', SEARCH_SORTS),
    near: LATLNG.test(near) ? near : '',
    radius: readNumberIn(p, 'radius_km', RADII, 20),
    rejectionMax: readOneOf(p, 'company_rejection_max', REJECTION_MAX),
    ratingMin: readOneOf(p, 'company_rating_min', RATING_MIN),
    page: readPage(p),
  };
}

export function writeSearch(s: SearchState): URLSearchParams {
  return writeParams([
    ['q', s.q],
    ['craft', s.crafts.join(',')],
    ['region', s.region],
    ['min', s.min],
    ['max', s.max],
    ['deposit', s.deposit],
    ['sort', s.sort],
    ['near', s.near],
    ['radius_km', s.near && s.radius],
    ['company_rejection_max', s.rejectionMax],
    ['company_rating_min', s.ratingMin],
    ['page', s.page],
  ]);
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
    company_rejection_max: s.rejectionMax ? Number(s.rejectionMax) : undefined,
    company_rating_min: s.ratingMin ? Number(s.ratingMin) : undefined,
    page: s.page,
    per_page: SEARCH_PER_PAGE,
  };
}

/** The search state and a setter that resets to page 1 unless the page is set. */
export const useSearchState = () => useUrlState(readSearch, writeSearch);
