import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { profileKey } from './keys';
import type { Profile } from './types';

/** GET /profiles/{org_id}: a public workshop or company profile. */
export function useProfile(id: string | undefined) {
  return useQuery({
    queryKey: profileKey(id ?? ''),
    queryFn: ({ signal }) => api.get<Profile>(`/profiles/${id}`, undefined, signal),
    enabled: !!id,
  });
}
