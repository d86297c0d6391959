import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, ApiError, api } from './client';
import { getPrefs } from '../prefs/store';
import type {
  DistributionView,
  HandoutInput,
  ImportResult,
  PaidMethod,
  PieceSave,
  PlatformImpact,
  PublicImpact,
  ResidentInput,
  ResidentView,
  Paginated,
  SheetView,
  WorkshopImpact,
} from './types';

// Workshop operations: everything lives under 'ops' so one invalidation refreshes it.
export const opsKey = ['ops'] as const;
const residentsKey = (w: string, q: string, active: string, page: number) => ['ops', 'residents', w, q, active, page] as const;
export const sheetKey = (id: string) => ['ops', 'sheet', id] as const;
const distributionKey = (id: string, bp: number | null) => ['ops', 'distribution', id, bp] as const;
const impactKey = (w: string) => ['ops', 'impact', w] as const;
const publicImpactKey = ['stats', 'impact'] as const;
const platformImpactKey = ['stats', 'impact', 'workshops'] as const;

export const RESIDENTS_PER_PAGE = 50;

export function useResidents(workshopId: string | undefined, q: string, active: string, page: number) {
  return useQuery({
    queryKey: residentsKey(workshopId ?? '', q, active, page),
    queryFn: ({ signal }) =>
      api.get<Paginated<ResidentView>>(`/workshops/${workshopId}/residents`, { q, active, page, per_page: RESIDENTS_PER_PAGE }, signal),
    enabled: !!workshopId,
    placeholderData: keepPreviousData,
  });
}

export function useSaveResident(workshopId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ResidentInput }) =>
      id ? api.patch<ResidentView>(`/residents/${id}`, input) : api.post<ResidentView>(`/workshops/${workshopId}/residents`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: opsKey }),
  });
}

/** GET /residents/{id}: the full phone, for the edit form. */
export function fetchResident(id: string) {
  return api.get<ResidentView>(`/residents/${id}`);
}

/** POST the XLSX file as it is; the server answers JSON like every call. */
export async function importResidents(workshopId: string, file: Blob, tagsConsent: boolean): Promise<ImportResult> {
  const lang = getPrefs().lang === 'en' ? 'en' : 'zh-CN';
  let res: Response;
  try {
    res = await fetch(`${API_BASE}/workshops/${workshopId}/residents/import${tagsConsent ? '?tags_consent=true' : ''}`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Accept-Language': lang, 'Content-Type': 'application/octet-stream' },
      body: file,
      credentials: 'same-origin',
    });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  const data: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const err = (data as { error?: { code: ApiError['code']; message: string; fields?: Record<string, string> } } | undefined)?.error;
    throw new ApiError(res.status, err?.code ?? 'internal', err?.message ?? `HTTP ${res.status}`, err?.fields ?? {});
  }
  return data as ImportResult;
}

/** A download link in the UI's language (the browser sends its own Accept-Language). */
export function downloadURL(path: string): string {
  return `${API_BASE}${path}?lang=${getPrefs().lang === 'en' ? 'en' : 'zh'}`;
}

export function useSheet(contractId: string | undefined) {
  return useQuery({
    queryKey: sheetKey(contractId ?? ''),
    queryFn: ({ signal }) => api.get<SheetView>(`/contracts/${contractId}/piece-records`, undefined, signal),
    enabled: !!contractId,
  });
}

export function putPieces(contractId: string, save: PieceSave) {
  return api.put<SheetView>(`/contracts/${contractId}/piece-records`, save);
}

export function useHandout(contractId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (h: HandoutInput) => api.post<SheetView>(`/contracts/${contractId}/handouts`, h),
    onSuccess: (v) => qc.setQueryData(sheetKey(contractId), v),
  });
}

export function useDistribution(contractId: string | undefined, fundBp: number | null) {
  return useQuery({
    queryKey: distributionKey(contractId ?? '', fundBp),
    queryFn: ({ signal }) =>
      api.get<DistributionView>(`/contracts/${contractId}/distribution`, fundBp == null ? undefined : { community_fund_bp: fundBp }, signal),
    enabled: !!contractId,
    placeholderData: keepPreviousData,
  });
}

export function useApprove(contractId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (bp: number) => api.post<DistributionView>(`/contracts/${contractId}/distribution/approve`, { community_fund_bp: bp }),
    onSuccess: () => qc.invalidateQueries({ queryKey: opsKey }),
  });
}

export function useMarkPaid() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ lineId, method, reference }: { lineId: string; method: PaidMethod; reference: string }) =>
      api.post<DistributionView>(`/distribution-lines/${lineId}/paid`, { method, reference }),
    onSuccess: () => qc.invalidateQueries({ queryKey: opsKey }),
  });
}

export function useWorkshopImpact(workshopId: string | undefined) {
  return useQuery({
    queryKey: impactKey(workshopId ?? ''),
    queryFn: ({ signal }) => api.get<WorkshopImpact>(`/workshops/${workshopId}/impact`, undefined, signal),
    enabled: !!workshopId,
  });
}

export function usePublicImpact() {
  return useQuery({ queryKey: publicImpactKey, queryFn: ({ signal }) => api.get<PublicImpact>('/stats/impact', undefined, signal) });
}

export function usePlatformImpact() {
  return useQuery({ queryKey: platformImpactKey, queryFn: ({ signal }) => api.get<PlatformImpact>('/stats/impact/workshops', undefined, signal) });
}
