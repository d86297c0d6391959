import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from './client';
import { auditKey, craftsKey, invitationKey, mapKey, regionSearchKey, regionsKey, regionSubtreeKey, statsKey } from './keys';
import type { AuditParams, Region } from './types';

// Reference data changes only with a deploy: cache it for the session.
export function useCrafts() {
  return useQuery({
    queryKey: craftsKey,
    queryFn: ({ signal }) => ok(api.GET('/meta/crafts', { signal })).then((r) => r.items),
    staleTime: Infinity,
  });
}

// The division tree comes in parts (the whole is 230 KB): the provinces,
// then what lies under the one a user opens, or the branches to a typed name.

/** The provinces, each with its centre. */
export function useProvinces() {
  return useQuery({
    queryKey: regionsKey,
    queryFn: ({ signal }) => ok(api.GET('/meta/regions', { signal })).then((r) => r.items),
    staleTime: Infinity,
  });
}

/** What lies under a province (cities with their districts) or a city. */
export function regionSubtreeQuery(parent: string) {
  return {
    queryKey: regionSubtreeKey(parent),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      ok(api.GET('/meta/regions', { params: { query: { parent } }, signal })).then((r) => r.items),
    staleTime: Infinity,
  };
}

export function useRegionSubtree(parent: string | undefined) {
  return useQuery({ ...regionSubtreeQuery(parent ?? ''), enabled: !!parent });
}

/** The divisions whose name contains q, each with its path from the province. */
export function useRegionSearch(q: string) {
  return useQuery<Region[]>({
    queryKey: regionSearchKey(q),
    queryFn: ({ signal }) => ok(api.GET('/meta/regions', { params: { query: { q } }, signal })).then((r) => r.items),
    enabled: q !== '',
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}

/** The province a division code lies in ("371602" → "370000"). */
export const provinceOf = (code: string) => `${code.slice(0, 2)}0000`;

/** The codes from the province down to code, read from its shape (xx0000
 *  province, xxyy00 city, else district), as the cascader's value. */
export function codePath(code: string): string[] {
  if (!/^\d{6}$/.test(code)) return [];
  if (code.endsWith('0000')) return [code];
  const city = `${code.slice(0, 4)}00`;
  return code === city ? [provinceOf(code), city] : [provinceOf(code), city, code];
}

/** A division's centre, where the map picker opens: a province's from the
 *  province list, anything else's from its province's subtree. */
export function useRegionCentre(code: string | undefined) {
  const provinces = useProvinces();
  const province = code && !code.endsWith('0000') ? provinceOf(code) : undefined;
  const subtree = useRegionSubtree(province);
  return province ? regionCentre(subtree.data, code) : regionCentre(provinces.data, code);
}

/** The tile server the location picker draws with (MAP_TILE_URL). */
export function useMapConfig() {
  return useQuery({
    queryKey: mapKey,
    queryFn: ({ signal }) => ok(api.GET('/meta/map', { signal })),
    staleTime: Infinity,
  });
}

/** A division's centre, by code, from (part of) the region tree. */
export function regionCentre(tree: Region[] | undefined, code: string | undefined): { lat: number; lng: number } | undefined {
  for (const n of tree ?? []) {
    if (n.code === code) return n.lat || n.lng ? { lat: n.lat, lng: n.lng } : undefined;
    if (code?.startsWith(n.code.replace(/0+$/, ''))) {
      const inner = regionCentre(n.children, code);
      if (inner) return inner;
    }
  }
  return undefined;
}

export function usePublicStats() {
  return useQuery({
    queryKey: statsKey,
    queryFn: ({ signal }) => ok(api.GET('/stats/public', { signal })),
  });
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: invitationKey(token),
    queryFn: ({ signal }) => ok(api.GET('/invitations/{token}', { params: { path: { token } }, signal })),
    enabled: !!token,
  });
}

export function useAudit(params: AuditParams) {
  return useQuery({
    queryKey: auditKey(params),
    queryFn: ({ signal }) => ok(api.GET('/audit', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}
