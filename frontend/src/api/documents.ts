// An organisation's documents (营业执照, 社区担保函): photos uploaded like any
// other (POST /uploads), then made the document with PUT. Seen only by the
// organisation and the staff who verify it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from './client';
import { documentsKey } from './keys';
import type { components } from './openapi';

type S = components['schemas'];
export type DocumentsView = S['DocumentsView'];
export type DocumentView = S['DocumentView'];
export type DocumentKind = DocumentView['kind'];

export function useDocuments(orgId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: documentsKey(orgId ?? ''),
    queryFn: ({ signal }) => ok(api.GET('/orgs/{id}/documents', { params: { path: { id: orgId ?? '' } }, signal })),
    enabled: !!orgId && enabled,
  });
}

export function useSetDocument(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: DocumentKind; photo_ids: string[] }) =>
      ok(api.PUT('/orgs/{id}/documents', { params: { path: { id: orgId } }, body })),
    onSuccess: (v) => qc.setQueryData(documentsKey(orgId), v),
  });
}

/** The photos of one kind of document (none when not uploaded). */
export function documentPhotos(v: DocumentsView | undefined, kind: DocumentKind) {
  return v?.documents.find((d) => d.kind === kind)?.photos ?? [];
}
