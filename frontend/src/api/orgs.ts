import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from './client';
import { meKey, membersKey, orgKey, orgListKey } from './keys';
import type { InvitationRequest, Me, Org, OrgListParams, OrgPatch } from './types';

export function useOrg(id: string | undefined) {
  return useQuery({
    queryKey: orgKey(id ?? ''),
    queryFn: ({ signal }) => ok(api.GET('/orgs/{id}', { params: { path: { id: id ?? '' } }, signal })),
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
    mutationFn: (patch: OrgPatch) => ok(api.PATCH('/orgs/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: saved,
  });
}

export function useMembers(id: string | undefined) {
  return useQuery({
    queryKey: membersKey(id ?? ''),
    queryFn: ({ signal }) => ok(api.GET('/orgs/{id}/members', { params: { path: { id: id ?? '' }, query: { per_page: 100 } }, signal })),
    enabled: !!id,
  });
}

export function useInvite(id: string) {
  return useMutation({
    mutationFn: (body: InvitationRequest) => ok(api.POST('/orgs/{id}/invitations', { params: { path: { id } }, body })),
  });
}

// --- staff ---

export function useOrgList(params: OrgListParams) {
  return useQuery({
    queryKey: orgListKey(params),
    queryFn: ({ signal }) => ok(api.GET('/orgs', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyOrg() {
  const saved = useOrgSaved();
  return useMutation({
    mutationFn: ({ id, verified, note }: { id: string; verified: boolean; note: string }) =>
      ok(api.POST('/orgs/{id}/verify', { params: { path: { id } }, body: { verified, note } })),
    onSuccess: saved,
  });
}

export function useSetGuarantee() {
  const saved = useOrgSaved();
  return useMutation({
    mutationFn: ({ id, value, note }: { id: string; value: boolean; note: string }) =>
      ok(api.POST('/orgs/{id}/guarantee', { params: { path: { id } }, body: { community_guarantee: value, note } })),
    onSuccess: saved,
  });
}
