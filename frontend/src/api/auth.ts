import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { meKey } from './keys';
import { fetchMe } from './me';
import type { AcceptInvitationRequest, AuthResponse, LoginRequest, LoginResponse, RegisterRequest } from './types';

/** After any call that logs in, drop cached data and reload /me. */
function useLoggedIn() {
  const qc = useQueryClient();
  return async () => {
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'meta' && q.queryKey[0] !== 'me' });
    await qc.fetchQuery({ queryKey: meKey, queryFn: ({ signal }) => fetchMe(signal), staleTime: 0 });
  };
}

export function useLogin() {
  const loggedIn = useLoggedIn();
  return useMutation({
    mutationFn: (body: LoginRequest) => api.post<LoginResponse>('/auth/login', body),
    onSuccess: loggedIn,
  });
}

export function useRegister() {
  const loggedIn = useLoggedIn();
  return useMutation({
    mutationFn: (body: RegisterRequest) => api.post<AuthResponse>('/auth/register', body),
    onSuccess: loggedIn,
  });
}

export function useAcceptInvitation() {
  const loggedIn = useLoggedIn();
  return useMutation({
    mutationFn: (body: AcceptInvitationRequest) => api.post<AuthResponse>('/invitations/accept', body),
    onSuccess: loggedIn,
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'meta' });
      qc.setQueryData(meKey, null);
    },
  });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => api.post<void>('/auth/password-reset', { email }) });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) => api.post<void>('/auth/password-reset/confirm', body),
  });
}
