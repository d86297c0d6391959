import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from './client';
import { notificationListKey, notificationsKey, unreadCountKey } from './keys';

export const NOTIFICATIONS_PER_PAGE = 20;

/** The bell's number; polled every minute while the app is open. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: unreadCountKey,
    queryFn: ({ signal }) => ok(api.GET('/notifications/unread-count', { signal })).then((r) => r.count),
    enabled,
    refetchInterval: 60_000,
    staleTime: 0,
  });
}

export function useNotifications(page: number) {
  return useQuery({
    queryKey: notificationListKey(page),
    queryFn: ({ signal }) =>
      ok(api.GET('/notifications', { params: { query: { page, per_page: NOTIFICATIONS_PER_PAGE } }, signal })),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ok(api.POST('/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => ok(api.POST('/notifications/read-all')),
    onSuccess: () => void qc.invalidateQueries({ queryKey: notificationsKey }),
  });
}
