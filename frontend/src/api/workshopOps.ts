import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from './client';
import { apiURL } from './urls';
import { distributionKey, impactKey, opsKey, platformImpactKey, publicImpactKey, residentsKey, sheetKey } from './keys';
import { getPrefs } from '../prefs/store';
import type { HandoutInput, PaidMethod, PieceSave, ResidentInput } from './types';

export const RESIDENTS_PER_PAGE = 50;

export function useResidents(workshopId: string | undefined, q: string, active: string, page: number) {
  return useQuery({
    queryKey: residentsKey(workshopId ?? '', q, active, page),
    queryFn: ({ signal }) =>
      ok(api.GET('/workshops/{id}/residents', { params: { path: { id: workshopId ?? '' }, query: { q, active, page, per_page: RESIDENTS_PER_PAGE } }, signal })),
    enabled: !!workshopId,
    placeholderData: keepPreviousData,
  });
}

export function useSaveResident(workshopId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ResidentInput }) =>
      id
        ? ok(api.PATCH('/residents/{id}', { params: { path: { id } }, body: input }))
        : ok(api.POST('/workshops/{id}/residents', { params: { path: { id: workshopId } }, body: input })),
    onSuccess: () => qc.invalidateQueries({ queryKey: opsKey }),
  });
}

/** GET /residents/{id}: the full phone, for the edit form. */
export function fetchResident(id: string) {
  return ok(api.GET('/residents/{id}', { params: { path: { id } } }));
}

/** POST the XLSX file as it is; the server answers JSON like every call. */
export function importResidents(workshopId: string, file: Blob, tagsConsent: boolean) {
  return ok(
    api.POST('/workshops/{id}/residents/import', {
      params: { path: { id: workshopId }, query: { tags_consent: tagsConsent || undefined } },
      // The document types a binary body as a string; the file goes as it is.
      body: file as unknown as string,
      bodySerializer: (b) => b,
      headers: { 'Content-Type': 'application/octet-stream' },
    }),
  );
}

/** Download links in the UI's language (the browser sends its own Accept-Language). */
const lang = () => (getPrefs().lang === 'en' ? 'en' : 'zh');
export const residentsXLSXURL = (workshopId: string) => apiURL('/workshops/{id}/residents.xlsx', { path: { id: workshopId }, query: { lang: lang() } });
export const distributionXLSXURL = (contractId: string) =>
  apiURL('/contracts/{id}/distribution.xlsx', { path: { id: contractId }, query: { lang: lang() } });

export function useSheet(contractId: string | undefined) {
  return useQuery({
    queryKey: sheetKey(contractId ?? ''),
    queryFn: ({ signal }) => ok(api.GET('/contracts/{id}/piece-records', { params: { path: { id: contractId ?? '' } }, signal })),
    enabled: !!contractId,
  });
}

export function putPieces(contractId: string, save: PieceSave) {
  return ok(api.PUT('/contracts/{id}/piece-records', { params: { path: { id: contractId } }, body: save }));
}

export function useHandout(contractId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (h: HandoutInput) => ok(api.POST('/contracts/{id}/handouts', { params: { path: { id: contractId } }, body: h })),
    onSuccess: (v) => qc.setQueryData(sheetKey(contractId), v),
  });
}

export function useDistribution(contractId: string | undefined, fundBp: number | null) {
  return useQuery({
    queryKey: distributionKey(contractId ?? '', fundBp),
    queryFn: ({ signal }) =>
      ok(api.GET('/contracts/{id}/distribution', { params: { path: { id: contractId ?? '' }, query: { community_fund_bp: fundBp } }, signal })),
    enabled: !!contractId,
    placeholderData: keepPreviousData,
  });
}

export function useApprove(contractId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ bp, reason }: { bp: number; reason: string }) =>
      ok(api.POST('/contracts/{id}/distribution/approve', { params: { path: { id: contractId } }, body: { community_fund_bp: bp, reason } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: opsKey }),
  });
}

export function useMarkPaid() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ lineId, method, reference }: { lineId: string; method: PaidMethod; reference: string }) =>
      ok(api.POST('/distribution-lines/{id}/paid', { params: { path: { id: lineId } }, body: { method, reference } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: opsKey }),
  });
}

export function useWorkshopImpact(workshopId: string | undefined) {
  return useQuery({
    queryKey: impactKey(workshopId ?? ''),
    queryFn: ({ signal }) => ok(api.GET('/workshops/{id}/impact', { params: { path: { id: workshopId ?? '' } }, signal })),
    enabled: !!workshopId,
  });
}

export function usePublicImpact() {
  return useQuery({ queryKey: publicImpactKey, queryFn: ({ signal }) => ok(api.GET('/stats/impact', { signal })) });
}

export function usePlatformImpact() {
  return useQuery({ queryKey: platformImpactKey, queryFn: ({ signal }) => ok(api.GET('/stats/impact/workshops', { signal })) });
}
