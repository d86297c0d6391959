import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { synonymsKey } from './keys';
import type { SynonymGroup, SynonymsResponse } from './types';

/** GET /synonyms (staff). */
export function useSynonyms() {
  return useQuery({ queryKey: synonymsKey, queryFn: ({ signal }) => api.get<SynonymsResponse>('/synonyms', undefined, signal) });
}

export interface SynonymInput {
  terms: string[];
  note: string;
}

/** Add (no id) or edit a staff group; searches use it at once. */
export function useSaveSynonyms() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: SynonymInput & { id?: string }) =>
      id ? api.patch<SynonymGroup>(`/synonyms/${id}`, body) : api.post<SynonymGroup>('/synonyms', body),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: synonymsKey });
      void qc.invalidateQueries({ queryKey: ['search'] });
    },
  });
}

export function useDeleteSynonyms() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del<void>(`/synonyms/${id}`),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: synonymsKey });
      void qc.invalidateQueries({ queryKey: ['search'] });
    },
  });
}
