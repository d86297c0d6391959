import { useSearchParams } from 'react-router';
import { WORKSHOP_SORTS, type WorkshopSearchParams, type WorkshopSort } from '../../api/types';

export const WORKSHOPS_PER_PAGE = 20;
export const WORKSHOP_RADII = [5, 10, 20, 50, 100];

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
  page: number;
  order: string;
}

export function readWorkshopSearch(p: URLSearchParams): WorkshopState {
  const sort = p.get('sort') ?? '';
  const radius = Number(p.get('radius_km'));
  const cap = Number(p.get('min_capacity'));
  return {
    q: p.get('q') ?? '',
    craft: /^[a-z_]{1,40}$/.test(p.get('craft') ?? '') ? p.get('craft')! : '',
    region: /^\d{6}$/.test(p.get('region') ?? '') ? p.get('region')! : '',
    minCapacity: Number.isInteger(cap) && cap > 0 ? cap : null,
    verified: p.get('verified') === '1',
    guaranteed: p.get('guaranteed') === '1',
    sort: (WORKSHOP_SORTS as string[]).includes(sort) ? (sort as WorkshopSort) : '',
    radius: WORKSHOP_RADII.includes(radius) ? radius : 0,
    page: Math.max(1, Number(p.get('page')) || 1),
    order: /^[0-9A-Za-z-]{1,64}$/.test(p.get('order') ?? '') ? p.get('order')! : '',
  };
}

export function writeWorkshopSearch(s: WorkshopState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.order) p.set('order', s.order);
  if (s.q.trim()) p.set('q', s.q.trim());
  if (s.craft) p.set('craft', s.craft);
  if (s.region) p.set('region', s.region);
  if (s.minCapacity) p.set('min_capacity', String(s.minCapacity));
  if (s.verified) p.set('verified', '1');
  if (s.guaranteed) p.set('guaranteed', '1');
  if (s.sort) p.set('sort', s.sort);
  if (s.radius) p.set('radius_km', String(s.radius));
  if (s.page > 1) p.set('page', String(s.page));
  return p;
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
    page: s.page,
    per_page: WORKSHOPS_PER_PAGE,
  };
}

export function useWorkshopSearchState() {
  const [params, setParams] = useSearchParams();
  const state = readWorkshopSearch(params);
  const set = (patch: Partial<WorkshopState>) => {
    const next = { ...state, ...patch };
    if (!('page' in patch)) next.page = 1;
    setParams(writeWorkshopSearch(next), { replace: true });
  };
  return { state, set };
}
