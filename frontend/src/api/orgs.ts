import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { meKey, membersKey, orgKey, orgListKey } from './keys';
import type { Invitation, InvitationRequest, Me, Member, Org, OrgListParams, OrgPatch, Paginated } from './types';

export function useOrg(id: string | undefined) {
  return useQuery({
    queryKey: orgKey(id ?? ''),
    queryFn: ({ signal }) => api.get<Org>(`/orgs/${id}`, undefined, signal),
    enabled: !!id,
  });
}

/** Keeps every cached copy of an organisation (me, detail, lists) in step. */
function useOrgSaved() {
  const qc = useQueryClient();
  return (org: Org) => {
    qc.setQueryData(orgKey(org.id), org);
    qc.setQueryData<Me | null>(meKey, (me) => (me?.org?.id === org.id ? { ...me, org } : me));
    void qc.invalidateQueries({ queryKey: orgListKey() });
  };
}

export function useUpdateOrg(id: string) {
  const saved = useOrgSaved();
  return useMutation({
    mutationFn: (patch: OrgPatch) => api.patch<Org>(`/orgs/${id}`, patch),
    onSuccess: saved,
  });
}

export function useMembers(id: string | undefined) {
  return useQuery({
    queryKey: membersKey(id ?? ''),
    queryFn: ({ signal }) => api.get<Paginated<Member>>(`/orgs/${id}/members`, { per_page: 100 }, signal),
    enabled: !!id,
  });
}

export function useInvite(id: string) {
  return useMutation({
    mutationFn: (body: InvitationRequest) => api.post<Invitation>(`/orgs/${id}/invitations`, body),
  });
}

// --- staff ---

export function useOrgList(params: OrgListParams) {
  return useQuery({
    queryKey: orgListKey(params),
    queryFn: ({ signal }) => api.get<Paginated<Org>>('/orgs', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyOrg() {
  const saved = useOrgSaved();
  return useMutation({
    mutationFn: ({ id, verified, note }: { id: string; verified: boolean; note: string }) =>
      api.post<Org>(`/orgs/${id}/verify`, { verified, note }),
    onSuccess: saved,
  });
}

export function useSetGuarantee() {
  const saved = useOrgSaved();
  return useMutation({
    mutationFn: ({ id, value, note }: { id: string; value: boolean; note: string }) =>
      api.post<Org>(`/orgs/${id}/guarantee`, { community_guarantee: value, note }),
    onSuccess: saved,
  });
}
