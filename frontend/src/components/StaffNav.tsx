import { Link, Outlet, useLocation } from 'react-router';
import { useT } from '../i18n';
import { useMe } from '../auth/useMe';
import { useStaffCounts } from '../api/moderation';
import { activeKey, pendingCount, staffItems } from './navItems';
import { PendingBadge } from './TopNav';

/** The platform-management pages as a row above each of them, with each
 *  queue's count; on a phone the row scrolls sideways. */
export default function StaffNav() {
  const t = useT();
  const me = useMe();
  const { pathname } = useLocation();
  const items = staffItems(me.data);
  const counts = useStaffCounts(items.length > 0);
  const selected = activeKey(items, pathname);
  return (
    <>
      <nav className="staff-nav" aria-label={t('nav.staff')}>
        <ul className="nav-list staff-nav-list">
          {items.map((i) => (
            <li key={i.to}>
              <Link to={i.to} aria-current={i.to === selected ? 'page' : undefined}>
                {t(i.label)}
                <PendingBadge n={pendingCount(i, counts.data)} testId={i.pending?.[0]} />
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
