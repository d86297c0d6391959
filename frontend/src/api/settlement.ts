import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, ApiError, api } from './client';
import { contractKey, contractsKey } from './keys';
import { getPrefs } from '../prefs/store';
import type { components } from './openapi';
import type { ContractView } from './types';

// Settlement (issue #13): the statement, ratings, scorecards, platform figures.
type S = components['schemas'];
export type Statement = S['Statement'];
export type StatementLine = S['StatementLine'];
export type StatementLineKind = StatementLine['kind'];
export type StatementTotals = S['Totals'];
export type DepositRule = S['DepositRule'];
export type RatingView = S['RatingView'];
export type RatingInput = S['RateRequest'];
export type Rate = S['Rate'];
export type CompanyScorecard = S['CompanyScorecard'];
export type WorkshopScorecard = S['WorkshopScorecard'];
export type PlatformStats = S['PlatformStats'];
export type MonthVolume = S['MonthVolume'];

/** Under 'contracts', so invalidating the contracts refreshes the statement too. */
export const statementKey = (id: string) => ['contracts', 'statement', id] as const;
export const platformStatsKey = ['stats', 'platform'] as const;

/** GET /contracts/{id}/statement: terms, lines, money, the deposit computation, ratings. */
export function useStatement(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: statementKey(id ?? ''),
    queryFn: ({ signal }) => api.get<Statement>(`/contracts/${id}/statement`, undefined, signal),
    enabled: !!id && enabled,
  });
}

/** POST /contracts/{id}/settle (staff): settle now, even inside a dispute window. */
export function useSettleNow(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ContractView>(`/contracts/${id}/settle`),
    onSuccess: (c) => {
      qc.setQueryData(contractKey(id), c);
      void qc.invalidateQueries({ queryKey: contractsKey });
      void qc.invalidateQueries({ queryKey: platformStatsKey });
    },
  });
}

/** POST /contracts/{id}/ratings: the caller's side rates the other; answers the statement. */
export function useRate(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RatingInput) => api.post<Statement>(`/contracts/${id}/ratings`, input),
    onSuccess: (st) => {
      qc.setQueryData(statementKey(id), st);
      void qc.invalidateQueries({ queryKey: contractKey(id) });
      // The rated party's scorecard changes.
      void qc.invalidateQueries({ queryKey: ['profiles'] });
    },
  });
}

/** GET /stats/platform (staff). */
export function usePlatformStats() {
  return useQuery({
    queryKey: platformStatsKey,
    queryFn: ({ signal }) => api.get<PlatformStats>('/stats/platform', undefined, signal),
  });
}

export const statementXLSXPath = (id: string) => `${API_BASE}/contracts/${id}/statement.xlsx`;

/** Fetches the statement spreadsheet in the UI's language (a plain link would
 *  send the browser's Accept-Language) and hands it to the browser as a file. */
export async function downloadStatementXLSX(id: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(statementXLSXPath(id), {
      headers: { Accept: `application/json, ${XLSX_TYPE}`, 'Accept-Language': getPrefs().lang === 'en' ? 'en' : 'zh-CN' },
      credentials: 'same-origin',
    });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) {
    const data: unknown = await res.json().catch(() => undefined);
    const err = (data as { error?: { code: ApiError['code']; message: string; fields?: Record<string, string> } } | undefined)?.error;
    throw new ApiError(res.status, err?.code ?? 'internal', err?.message ?? `HTTP ${res.status}`, err?.fields ?? {});
  }
  const name = /filename="?([^";]+)"?/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? `statement-${id.slice(0, 8)}.xlsx`;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
