import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from './client';
import { searchKey, synonymsKey } from './keys';

/** GET /synonyms (staff). */
export function useSynonyms() {
  return useQuery({ queryKey: synonymsKey, queryFn: ({ signal }) => ok(api.GET('/synonyms', { signal })) });
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
      id ? ok(api.PATCH('/synonyms/{id}', { params: { path: { id } }, body })) : ok(api.POST('/synonyms', { body })),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: synonymsKey });
      void qc.invalidateQueries({ queryKey: searchKey });
    },
  });
}

export function useDeleteSynonyms() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ok(api.DELETE('/synonyms/{id}', { params: { path: { id } } })),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: synonymsKey });
      void qc.invalidateQueries({ queryKey: searchKey });
    },
  });
}
