import { WORKSHOP_SORTS, type WorkshopSearchParams, type WorkshopSort } from '../../api/types';
import { readNumberIn, readOneOf, readPage, readRegion, readText, useUrlState, writeParams } from '../search/urlState';

export const WORKSHOPS_PER_PAGE = 20;
export const WORKSHOP_RADII = [5, 10, 20, 50, 100];
/** Scorecard bounds offered (percent, rating); the API takes any value. */
export const ON_TIME_MIN = ['80', '90', '95'] as const;
export const WORKSHOP_RATING_MIN = ['4', '4.5'] as const;

/** What /workshops keeps in its URL. `order` is the order to invite for. */
export interface WorkshopState {
  q: string;
  craft: string;
  region: string;
  minCapacity: number | null;
  verified: boolean;
  guaranteed: boolean;
  sort: WorkshopSort | '';
  /** km; 0 = any distance */
  radius: number;
  /** on-time delivery rate at least (percent), '' = any */
  onTimeMin: (typeof ON_TIME_MIN)[number] | '';
  /** average rating at least, '' = any */
  ratingMin: (typeof WORKSHOP_RATING_MIN)[number] | '';
  page: number;
  order: string;
}

export function readWorkshopSearch(p: URLSearchParams): WorkshopState {
  const cap = Number(p.get('min_capacity'));
  return {
    q: readText(p, 'q'),
    craft: /^[a-z_]{1,40}$/.test(readText(p, 'craft')) ? readText(p, 'craft') : '',
    region: readRegion(p),
    minCapacity: Number.isInteger(cap) && cap > 0 ? cap : null,
    verified: p.get('verified') === '1',
    guaranteed: p.get('guaranteed') === '1',
    sort: readOneOf(p, 'sort', WORKSHOP_SORTS),
    radius: readNumberIn(p, 'radius_km', WORKSHOP_RADII, 0),
    onTimeMin: readOneOf(p, 'on_time_min', ON_TIME_MIN),
    ratingMin: readOneOf(p, 'rating_min', WORKSHOP_RATING_MIN),
    page: readPage(p),
    order: /^[0-9A-Za-z-]{1,64}$/.test(readText(p, 'order')) ? readText(p, 'order') : '',
  };
}

export function writeWorkshopSearch(s: WorkshopState): URLSearchParams {
  return writeParams([
    ['order', s.order],
    ['q', s.q],
    ['craft', s.craft],
    ['region', s.region],
    ['min_capacity', s.minCapacity],
    ['verified', s.verified],
    ['guaranteed', s.guaranteed],
    ['sort', s.sort],
    ['radius_km', s.radius],
    ['on_time_min', s.onTimeMin],
    ['rating_min', s.ratingMin],
    ['page', s.page],
  ]);
}

/** The API query; `near` is the order's hand-over point when inviting for an order. */
export function toWorkshopParams(s: WorkshopState, near: string | undefined): WorkshopSearchParams {
  const sort = s.sort === 'distance' && !near ? undefined : s.sort || (near ? 'distance' : undefined);
  return {
    q: s.q.trim() || undefined,
    craft: s.craft || undefined,
    region: s.region || undefined,
    near,
    radius_km: near && s.radius ? s.radius : undefined,
    min_capacity: s.minCapacity ?? undefined,
    verified: s.verified ? '1' : undefined,
    guaranteed: s.guaranteed ? '1' : undefined,
    sort,
    on_time_min: s.onTimeMin ? Number(s.onTimeMin) : undefined,
    rating_min: s.ratingMin ? Number(s.ratingMin) : undefined,
    page: s.page,
    per_page: WORKSHOPS_PER_PAGE,
  };
}

export const useWorkshopSearchState = () => useUrlState(readWorkshopSearch, writeWorkshopSearch);
