import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { notificationListKey, notificationsKey, unreadCountKey } from './keys';
import type { Notification, Paginated } from './types';

export const NOTIFICATIONS_PER_PAGE = 20;

/** The bell's number; polled every minute while the app is open. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: unreadCountKey,
    queryFn: ({ signal }) => api.get<{ count: number }>('/notifications/unread-count', undefined, signal).then((r) => r.count),
    enabled,
    refetchInterval: 60_000,
    staleTime: 0,
  });
}

export function useNotifications(page: number) {
  return useQuery({
    queryKey: notificationListKey(page),
    queryFn: ({ signal }) =>
      api.get<Paginated<Notification>>('/notifications', { page, per_page: NOTIFICATIONS_PER_PAGE }, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/notifications/${id}/read`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/notifications/read-all'),
    onSuccess: () => void qc.invalidateQueries({ queryKey: notificationsKey }),
  });
}
