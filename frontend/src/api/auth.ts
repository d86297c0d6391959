import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from './client';
import { meKey, metaKey } from './keys';
import { fetchMe } from './me';
import type { AcceptInvitationRequest, LoginRequest, RegisterRequest } from './types';

/** After any call that logs in, drop cached data and reload /me. */
function useLoggedIn() {
  const qc = useQueryClient();
  return async () => {
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== metaKey[0] && q.queryKey[0] !== meKey[0] });
    await qc.fetchQuery({ queryKey: meKey, queryFn: ({ signal }) => fetchMe(signal), staleTime: 0 });
  };
}

export function useLogin() {
  const loggedIn = useLoggedIn();
  return useMutation({
    mutationFn: (body: LoginRequest) => ok(api.POST('/auth/login', { body })),
    onSuccess: loggedIn,
  });
}

export function useRegister() {
  const loggedIn = useLoggedIn();
  return useMutation({
    mutationFn: (body: RegisterRequest) => ok(api.POST('/auth/register', { body })),
    onSuccess: loggedIn,
  });
}

export function useAcceptInvitation() {
  const loggedIn = useLoggedIn();
  return useMutation({
    mutationFn: (body: AcceptInvitationRequest) => ok(api.POST('/invitations/accept', { body })),
    onSuccess: loggedIn,
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => ok(api.POST('/auth/logout')),
    onSettled: () => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== metaKey[0] });
      qc.setQueryData(meKey, null);
    },
  });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => ok(api.POST('/auth/password-reset', { body: { email } })) });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) => ok(api.POST('/auth/password-reset/confirm', { body })),
  });
}
