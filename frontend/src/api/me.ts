import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, ok } from './client';
import { meKey } from './keys';
import type { Me } from './types';

/** GET /me, or null when not logged in. */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await ok(api.GET('/me', { signal }));
  } catch (err) {
    if (isApiError(err, 'unauthorized')) return null;
    throw err;
  }
}

export function useUpdateProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; phone: string }) => ok(api.PATCH('/me', { body })),
    onSuccess: ({ user }) => {
      qc.setQueryData<Me | null>(meKey, (me) => (me ? { ...me, user } : me));
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { current_password: string; new_password: string }) => ok(api.POST('/me/password', { body })),
  });
}
