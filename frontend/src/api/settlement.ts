import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from './client';
import { contractKey, contractsKey, platformStatsKey, profilesKey, statementKey } from './keys';
import type { components } from './openapi';

// Settlement (issue #13): the statement, ratings, scorecards, platform figures.
type S = components['schemas'];
export type Statement = S['Statement'];
export type StatementLine = S['StatementLine'];
export type DepositRule = S['DepositRule'];
export type RatingView = S['RatingView'];
export type RatingInput = S['RateRequest'];
export type Rate = S['Rate'];
export type CompanyScorecard = S['CompanyScorecard'];
export type WorkshopScorecard = S['WorkshopScorecard'];
export type PlatformStats = S['PlatformStats'];
export type MonthVolume = S['MonthVolume'];

/** GET /contracts/{id}/statement: terms, lines, money, the deposit computation, ratings. */
export function useStatement(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: statementKey(id ?? ''),
    queryFn: ({ signal }) => ok(api.GET('/contracts/{id}/statement', { params: { path: { id: id ?? '' } }, signal })),
    enabled: !!id && enabled,
  });
}

/** POST /contracts/{id}/settle (staff): settle now, even inside a dispute window. */
export function useSettleNow(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => ok(api.POST('/contracts/{id}/settle', { params: { path: { id } } })),
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
    mutationFn: (input: RatingInput) => ok(api.POST('/contracts/{id}/ratings', { params: { path: { id } }, body: input })),
    onSuccess: (st) => {
      qc.setQueryData(statementKey(id), st);
      void qc.invalidateQueries({ queryKey: contractKey(id) });
      // The rated party's scorecard changes.
      void qc.invalidateQueries({ queryKey: profilesKey });
    },
  });
}

/** GET /stats/platform (staff). */
export function usePlatformStats() {
  return useQuery({
    queryKey: platformStatsKey,
    queryFn: ({ signal }) => ok(api.GET('/stats/platform', { signal })),
  });
}

/** Fetches the statement spreadsheet in the UI's language (a plain link would
 *  send the browser's Accept-Language) and hands it to the browser as a file. */
export async function downloadStatementXLSX(id: string): Promise<string> {
  const { data, response } = await api.GET('/contracts/{id}/statement.xlsx', {
    params: { path: { id } },
    headers: { Accept: `application/json, ${XLSX_TYPE}` },
    parseAs: 'blob',
  });
  const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `statement-${id.slice(0, 8)}.xlsx`;
  const url = URL.createObjectURL(data as Blob);
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
