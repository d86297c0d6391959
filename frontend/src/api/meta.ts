import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from './client';
import { auditKey, craftsKey, invitationKey, mapKey, regionsKey, statsKey } from './keys';
import type { AuditParams, Region } from './types';

// Reference data changes only with a deploy: cache it for the session.
export function useCrafts() {
  return useQuery({
    queryKey: craftsKey,
    queryFn: ({ signal }) => ok(api.GET('/meta/crafts', { signal })).then((r) => r.items),
    staleTime: Infinity,
  });
}

export function useRegions() {
  return useQuery({
    queryKey: regionsKey,
    queryFn: ({ signal }) => ok(api.GET('/meta/regions', { signal })).then((r) => r.items),
    staleTime: Infinity,
  });
}

/** The tile server the location picker draws with (MAP_TILE_URL). */
export function useMapConfig() {
  return useQuery({
    queryKey: mapKey,
    queryFn: ({ signal }) => ok(api.GET('/meta/map', { signal })),
    staleTime: Infinity,
  });
}

/** A division's centre, by code, from the region tree. */
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
