import { lazy } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe, isAdmin, isFinance, isStaff } from './useMe';
import { PageSkeleton, LoadError } from '../components/PageState';
import StaffNav from '../components/StaffNav';

// Loaded only when shown (antd Result is large).
const Forbidden = lazy(() => import('../pages/errors/Forbidden'));

/** Logged-out visitors are sent to /login?next=<where they wanted to go>. */
export function RequireAuth() {
  const me = useMe();
  const loc = useLocation();
  if (me.isPending) return <PageSkeleton />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = encodeURIComponent(loc.pathname + loc.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <Outlet />;
}

/** Platform staff (admin or moderator) only; others see a 403 page. */
export function RequireStaff() {
  const me = useMe();
  return isStaff(me.data) ? <StaffNav /> : <Forbidden />;
}

/** Finance staff (and admins, who may act for them) only. */
export function RequireFinance() {
  const me = useMe();
  return isFinance(me.data) ? <Outlet /> : <Forbidden />;
}

export function RequireAdmin() {
  const me = useMe();
  return isAdmin(me.data) ? <Outlet /> : <Forbidden />;
}

/** Only relative in-app paths are accepted as a redirect target. */
export function safeNext(next: string | null, fallback: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
