import { useQuery } from '@tanstack/react-query';
import { api, ok } from './client';
import { profileKey } from './keys';

/** GET /profiles/{org_id}: a public workshop or company profile. */
export function useProfile(id: string | undefined) {
  return useQuery({
    queryKey: profileKey(id ?? ''),
    queryFn: ({ signal }) => ok(api.GET('/profiles/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: !!id,
  });
}
