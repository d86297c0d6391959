// Fulfilment (issue #12): materials, deliveries, inspections, disputes, the
// contract's message thread and photo uploads.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, ApiError, api } from './client';
import { contractKey, contractsKey } from './keys';
import { getPrefs } from '../prefs/store';
import type { components } from './openapi';
import type { ContractView, ErrorCode, Paginated } from './types';

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

// Everything here lives under 'fulfilment' so one invalidation refreshes it.
export const fulfilmentKey = ['fulfilment'] as const;
const timelineKey = (id: string) => ['fulfilment', 'timeline', id] as const;
const messagesKey = (id: string) => ['fulfilment', 'messages', id] as const;
const disputesKey = (status: string, page: number) => ['fulfilment', 'disputes', status, page] as const;
const disputeKey = (id: string) => ['fulfilment', 'dispute', id] as const;

export const DISPUTES_PER_PAGE = 20;
export const MESSAGES_PER_PAGE = 50;
/** The server's limits (market.MaxPhotos, uploads). */
export const MAX_PHOTOS = 10;
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export function useTimeline(contractId: string) {
  return useQuery({
    queryKey: timelineKey(contractId),
    queryFn: ({ signal }) => api.get<Timeline>(`/contracts/${contractId}/timeline`, undefined, signal),
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
    mutationFn: (input: DispatchInput) => api.post<DispatchView>(`/contracts/${contractId}/dispatches`, input),
    onSuccess: done,
  });
}

export function useReceiveMaterials(contractId: string) {
  const done = useFulfilmentDone(contractId);
  return useMutation({
    mutationFn: ({ dispatchId, input }: { dispatchId: string; input: ReceiptInput }) =>
      api.post<DispatchView>(`/dispatches/${dispatchId}/receive`, input),
    onSuccess: done,
  });
}

export function useReturnMaterials(contractId: string) {
  const done = useFulfilmentDone(contractId);
  return useMutation({
    mutationFn: (input: ReturnInput) => api.post<ReturnView>(`/contracts/${contractId}/returns`, input),
    onSuccess: done,
  });
}

export function useDeliver(contractId: string) {
  const done = useFulfilmentDone(contractId);
  return useMutation({
    mutationFn: (input: DeliveryInput) => api.post<DeliveryView>(`/contracts/${contractId}/deliveries`, input),
    onSuccess: done,
  });
}

export function useInspect(contractId: string) {
  const done = useFulfilmentDone(contractId);
  return useMutation({
    mutationFn: ({ deliveryId, input }: { deliveryId: string; input: InspectInput }) =>
      api.post<DeliveryView>(`/deliveries/${deliveryId}/inspect`, input),
    onSuccess: done,
  });
}

export function useOpenDispute(contractId: string) {
  const done = useFulfilmentDone(contractId);
  return useMutation({
    mutationFn: ({ deliveryId, input }: { deliveryId: string; input: DisputeInput }) =>
      api.post<DisputeDetail>(`/deliveries/${deliveryId}/dispute`, input),
    onSuccess: done,
  });
}

export function useEndShort(contractId: string) {
  const done = useFulfilmentDone(contractId);
  return useMutation({
    mutationFn: () => api.post<ContractView>(`/contracts/${contractId}/end`),
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
        api.get<Paginated<CommentView>>(`/contracts/${contractId}/messages`, { page, per_page: MESSAGES_PER_PAGE }, signal);
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
    mutationFn: (input: TextInput) => api.post<CommentView>(`/contracts/${contractId}/messages`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: messagesKey(contractId) }),
  });
}

export function useDisputes(status: DisputeStatus, page: number) {
  return useQuery({
    queryKey: disputesKey(status, page),
    queryFn: ({ signal }) => api.get<Paginated<DisputeView>>('/disputes', { status, page, per_page: DISPUTES_PER_PAGE }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDispute(id: string | undefined) {
  return useQuery({
    queryKey: disputeKey(id ?? ''),
    queryFn: ({ signal }) => api.get<DisputeDetail>(`/disputes/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useCommentDispute(disputeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TextInput) => api.post<CommentView>(`/disputes/${disputeId}/comments`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: fulfilmentKey }),
  });
}

export function useResolveDispute(disputeId: string, contractId?: string) {
  const done = useFulfilmentDone(contractId);
  return useMutation({
    mutationFn: (input: ResolveInput) => api.post<DisputeDetail>(`/disputes/${disputeId}/resolve`, input),
    onSuccess: done,
  });
}

/** POST /uploads with progress (fetch cannot report upload progress). */
export function uploadPhoto(file: Blob, onProgress?: (percent: number) => void, signal?: AbortSignal): Promise<UploadView> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}/uploads`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', getPrefs().lang === 'en' ? 'en' : 'zh-CN');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.min(99, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(100);
        resolve(data as UploadView);
        return;
      }
      const err = (data as { error?: { code: ErrorCode; message: string; fields?: Record<string, string> } } | undefined)?.error;
      const code: ErrorCode = err?.code ?? (xhr.status === 413 ? 'invalid' : xhr.status >= 500 ? 'internal' : 'invalid');
      reject(new ApiError(xhr.status, code, err?.message ?? `HTTP ${xhr.status}`, err?.fields ?? {}));
    };
    signal?.addEventListener('abort', () => xhr.abort());
    const body = new FormData();
    body.append('file', file, file instanceof File ? file.name : 'photo');
    xhr.send(body);
  });
}
