// Fulfilment (issue #12): materials, deliveries, inspections, disputes, the
// contract's message thread and photo uploads.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, apiError, apiLanguage, ok } from './client';
import { apiURL } from './urls';
import { contractKey, contractsKey, decisionPreviewKey, disputeKey, disputesKey, fulfilmentKey, messagesKey, timelineKey } from './keys';
import type { components } from './openapi';

type S = components['schemas'];
export type Timeline = S['Timeline'];
export type TimelineEvent = S['Event'];
export type Quantities = S['Quantities'];
export type Contact = S['Contact'];
export type DispatchView = S['DispatchView'];
export type DeliveryView = S['DeliveryView'];
export type RejectionView = S['RejectionView'];
export type DisputeDetail = S['DisputeDetail'];
export type DisputeView = S['DisputeView'];
export type CommentView = S['CommentView'];
export type UploadView = S['View'];
export type ReturnView = S['ReturnView'];
export type DispatchInput = S['DispatchRequest'];
export type ReceiptInput = S['ReceiptRequestBody'];
export type ReturnInput = S['ReturnRequest'];
export type DeliveryInput = S['DeliveryRequest'];
export type InspectInput = S['InspectRequest'];
export type RejectionInput = S['RejectionInput'];
export type DisputeInput = S['DisputeRequest'];
export type TextInput = S['TextRequest'];
export type ResolveInput = S['ResolveDisputeRequest'];
export type DisputeStatus = DisputeView['status'];

export const DISPUTES_PER_PAGE = 20;
export const MESSAGES_PER_PAGE = 50;
/** The server's limits (market.MaxPhotos, uploads). */
export const MAX_PHOTOS = 10;
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export function useTimeline(contractId: string, enabled = true) {
  return useQuery({
    queryKey: timelineKey(contractId),
    queryFn: ({ signal }) => ok(api.GET('/contracts/{id}/timeline', { params: { path: { id: contractId } }, signal })),
    enabled,
  });
}

/** After any fulfilment step: the contract (status, next step), its timeline,
 *  the dispute views and whatever else hangs off the contract (its money). */
function useFulfilmentDone(contractId?: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: fulfilmentKey });
    void qc.invalidateQueries({ queryKey: contractId ? contractKey(contractId) : contractsKey });
    void qc.invalidateQueries({ queryKey: contractsKey });
  };
}

export function useDispatchMaterials(contractId: string) {
  const done = useFulfilmentDone(contractId);
  return useMutation({
    mutationFn: (input: DispatchInput) => ok(api.POST('/contracts/{id}/dispatches', { params: { path: { id: contractId } }, body: input })),
    onSuccess: done,
  });
}

export function useReceiveMaterials(contractId: string) {
  const done = useFulfilmentDone(contractId);
  return useMutation({
    mutationFn: ({ dispatchId, input }: { dispatchId: string; input: ReceiptInput }) =>
      ok(api.POST('/dispatches/{id}/receive', { params: { path: { id: dispatchId } }, body: input })),
    onSuccess: done,
  });
}

export function useReturnMaterials(contractId: string) {
  const done = useFulfilmentDone(contractId);
  return useMutation({
    mutationFn: (input: ReturnInput) => ok(api.POST('/contracts/{id}/returns', { params: { path: { id: contractId } }, body: input })),
    onSuccess: done,
  });
}

export function useDeliver(contractId: string) {
  const done = useFulfilmentDone(contractId);
  return useMutation({
    mutationFn: (input: DeliveryInput) => ok(api.POST('/contracts/{id}/deliveries', { params: { path: { id: contractId } }, body: input })),
    onSuccess: done,
  });
}

export function useInspect(contractId: string) {
  const done = useFulfilmentDone(contractId);
  return useMutation({
    mutationFn: ({ deliveryId, input }: { deliveryId: string; input: InspectInput }) =>
      ok(api.POST('/deliveries/{id}/inspect', { params: { path: { id: deliveryId } }, body: input })),
    onSuccess: done,
  });
}

export function useOpenDispute(contractId: string) {
  const done = useFulfilmentDone(contractId);
  return useMutation({
    mutationFn: ({ deliveryId, input }: { deliveryId: string; input: DisputeInput }) =>
      ok(api.POST('/deliveries/{id}/dispute', { params: { path: { id: deliveryId } }, body: input })),
    onSuccess: done,
  });
}

export function useEndShort(contractId: string) {
  const done = useFulfilmentDone(contractId);
  return useMutation({
    mutationFn: () => ok(api.POST('/contracts/{id}/end', { params: { path: { id: contractId } } })),
    onSuccess: done,
  });
}

/** The contract's thread, newest page first loaded; older pages on demand. */
export function useMessages(contractId: string) {
  return useInfiniteQuery({
    queryKey: messagesKey(contractId),
    initialPageParam: 0,
    queryFn: async ({ pageParam, signal }) => {
      const get = (page: number) =>
        ok(api.GET('/contracts/{id}/messages', { params: { path: { id: contractId }, query: { page, per_page: MESSAGES_PER_PAGE } }, signal }));
      if (pageParam > 0) return get(pageParam);
      // First load: the last page (the thread is oldest first).
      const first = await get(1);
      const last = Math.max(1, Math.ceil(first.total / MESSAGES_PER_PAGE));
      return last === 1 ? first : get(last);
    },
    getNextPageParam: (p) => (p.page > 1 ? p.page - 1 : undefined),
  });
}

export function usePostMessage(contractId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TextInput) => ok(api.POST('/contracts/{id}/messages', { params: { path: { id: contractId } }, body: input })),
    onSuccess: () => qc.invalidateQueries({ queryKey: messagesKey(contractId) }),
  });
}

export function useDisputes(status: DisputeStatus, page: number) {
  return useQuery({
    queryKey: disputesKey(status, page),
    queryFn: ({ signal }) => ok(api.GET('/disputes', { params: { query: { status, page, per_page: DISPUTES_PER_PAGE } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useDispute(id: string | undefined) {
  return useQuery({
    queryKey: disputeKey(id ?? ''),
    queryFn: ({ signal }) => ok(api.GET('/disputes/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: !!id,
  });
}

export function useCommentDispute(disputeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TextInput) => ok(api.POST('/disputes/{id}/comments', { params: { path: { id: disputeId } }, body: input })),
    onSuccess: () => qc.invalidateQueries({ queryKey: fulfilmentKey }),
  });
}

/** POST /disputes/{id}/preview: what accepting some of the disputed pieces
 *  would pay out and leave for refund, computed by the server (moderators). */
export function useDecisionPreview(disputeId: string, accepted: number | null) {
  return useQuery({
    queryKey: decisionPreviewKey(disputeId, accepted ?? -1),
    queryFn: ({ signal }) =>
      ok(api.POST('/disputes/{id}/preview', { params: { path: { id: disputeId } }, body: { accepted: accepted ?? 0 }, signal })),
    enabled: accepted != null,
    placeholderData: keepPreviousData,
  });
}

export function useResolveDispute(disputeId: string, contractId?: string) {
  const done = useFulfilmentDone(contractId);
  return useMutation({
    mutationFn: (input: ResolveInput) => ok(api.POST('/disputes/{id}/resolve', { params: { path: { id: disputeId } }, body: input })),
    onSuccess: done,
  });
}

/** POST /uploads with progress (fetch cannot report upload progress). */
export function uploadPhoto(file: Blob, onProgress?: (percent: number) => void, signal?: AbortSignal): Promise<UploadView> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiURL('/uploads'));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', apiLanguage());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.min(99, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(100);
        try {
          resolve(JSON.parse(xhr.responseText) as UploadView);
        } catch {
          reject(new ApiError(xhr.status, 'internal', '')); // shown as the generic server error
        }
        return;
      }
      reject(apiError(xhr.status, xhr.statusText, xhr.responseText));
    };
    signal?.addEventListener('abort', () => xhr.abort());
    const body = new FormData();
    body.append('file', file, file instanceof File ? file.name : 'photo');
    xhr.send(body);
  });
}
