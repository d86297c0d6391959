import { useSearchParams } from 'react-router';
import type { OrgKind, OrgListParams } from '../../api/types';

export const PER_PAGE = 20;

/** Filters live in the URL so a reload or shared link keeps them. */
export function useOrgFilters() {
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind');
  const verified = params.get('verified');
  const filters: OrgListParams = {
    kind: kind === 'company' || kind === 'workshop' ? (kind as OrgKind) : undefined,
    verified: verified === 'true' || verified === 'false' ? verified : undefined,
    q: params.get('q') ?? undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
    per_page: PER_PAGE,
  };
  const set = (patch: Partial<Record<'kind' | 'verified' | 'q' | 'page', string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page'); // a new filter starts at page 1
    setParams(next, { replace: true });
  };
  return { filters, set };
}
