import { lazy, Suspense, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Button, Grid, Space } from 'antd';
import { useMessage } from './feedback';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { useT } from '../i18n';
import { isStaff, useMe } from '../auth/useMe';
import { useStaffCounts } from '../api/moderation';
import { useLogout } from '../api/auth';
import { errorText } from '../lib/errors';
import PrefsControls from './PrefsControls';
import Logo from './Logo';
import { activeKey, navItems, pendingCount } from './navItems';
// Loaded when needed: the drawer only on a phone when opened, the bell once signed in.
const Drawer = lazy(() => import('antd/es/drawer'));
const NotificationBell = lazy(() => import('./NotificationBell'));

export default function TopNav() {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const phone = !screens.lg;
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const message = useMessage();
  const me = useMe();
  const logout = useLogout();
  const [open, setOpen] = useState(false);
  const items = navItems(me.data);
  const counts = useStaffCounts(!!me.data && isStaff(me.data));
  const selected = activeKey(items, pathname);
  // Plain links, not antd Menu: the bar is on every page, and Menu (with its
  // overflow and popup machinery) was a large part of the first page's JS.
  const links = (vertical: boolean) => (
    <ul className={vertical ? 'nav-list nav-list-vertical' : 'nav-list topnav-menu'}>
      {items.map((i) => (
        <li key={i.to}>
          <Link
            to={i.to}
            aria-current={i.to === selected ? 'page' : undefined}
            className={i.to === '/search' ? 'nav-search' : undefined}
            onClick={() => setOpen(false)}
          >
            {t(i.label)}
            <PendingBadge n={pendingCount(i, counts.data)} testId={i.pending?.length === 1 ? i.pending[0] : i.to === '/staff' ? 'staff' : undefined} />
          </Link>
        </li>
      ))}
    </ul>
  );
  const bell = me.data?.org ? (
    <Suspense fallback={null}>
      <NotificationBell />
    </Suspense>
  ) : null;

  const go = (to: string) => {
    setOpen(false);
    navigate(to);
  };

  const doLogout = () => {
    setOpen(false);
    logout.mutate(undefined, {
      onSuccess: () => {
        message.success(t('account.loggedOut'));
        navigate('/');
      },
      onError: (err) => message.error(errorText(err, t)),
    });
  };

  const authButtons = me.data ? (
    <Button icon={<LogoutOutlined />} onClick={doLogout} loading={logout.isPending} block={phone}>
      {t('nav.logout')}
    </Button>
  ) : (
    <>
      <Button block={phone} onClick={() => go('/login')}>
        {t('nav.login')}
      </Button>
      <Button block={phone} type="primary" onClick={() => go('/register')}>
        {t('nav.register')}
      </Button>
    </>
  );

  return (
    <nav className="topnav" aria-label={t('nav.main')}>
      <Logo />
      {phone ? (
        <>
          <span className="topnav-phone-right">{bell}</span>
          <Button
            className="topnav-burger"
            icon={<MenuOutlined />}
            aria-label={t('nav.menu')}
            aria-expanded={open}
            onClick={() => setOpen(true)}
          >
            {t('nav.menu')}
          </Button>
          {open && (
            <Suspense fallback={null}>
              <Drawer open={open} onClose={() => setOpen(false)} title={t('app.name')} placement="right" width={300}>
                {links(true)}
                <div className="drawer-section">
                  <PrefsControls block />
                </div>
                <div className="drawer-section drawer-auth">{authButtons}</div>
              </Drawer>
            </Suspense>
          )}
        </>
      ) : (
        <>
          {links(false)}
          <Space size={8}>
            {bell}
            <PrefsControls />
            {authButtons}
          </Space>
        </>
      )}
    </nav>
  );
}

/** A staff queue's pending count beside its link (a plain badge: the bar is on every page). */
export function PendingBadge({ n, testId }: { n: number; testId?: string }) {
  const t = useT();
  if (n <= 0) return null;
  return (
    <span className="nav-badge" aria-label={t('nav.pending', { n })} data-testid={`nav-pending-${testId}`}>
      {n > 99 ? '99+' : n}
    </span>
  );
}
