import { useQuery } from '@tanstack/react-query';
import { fetchMe } from '../api/me';
import { meKey } from '../api/keys';
import type { Me } from '../api/types';

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: ({ signal }) => fetchMe(signal), staleTime: 60_000 });
}

export const isStaff = (me: Me | null | undefined) => me?.role === 'admin' || me?.role === 'moderator';
export const isAdmin = (me: Me | null | undefined) => me?.role === 'admin';
/** Finance staff match bank transfers and send payouts; admins may act for them. */
export const isFinance = (me: Me | null | undefined) => me?.role === 'finance' || me?.role === 'admin';
export const isOwner = (me: Me | null | undefined) => me?.role === 'owner';
