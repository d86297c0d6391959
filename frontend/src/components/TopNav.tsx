import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { App, Badge, Button, Drawer, Grid, Menu, Space } from 'antd';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { useT } from '../i18n';
import { isStaff, useMe } from '../auth/useMe';
import { useStaffCounts } from '../api/moderation';
import { useLogout } from '../api/auth';
import { errorText } from '../lib/errors';
import PrefsControls from './PrefsControls';
import Logo from './Logo';
import { activeKey, navItems } from './navItems';
import NotificationBell from './NotificationBell';

export default function TopNav() {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const phone = !screens.lg;
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const me = useMe();
  const logout = useLogout();
  const [open, setOpen] = useState(false);
  const items = navItems(me.data);
  const counts = useStaffCounts(!!me.data && isStaff(me.data));
  const selected = activeKey(items, pathname);
  const menuItems = items.map((i) => {
    const n = i.pending ? (counts.data?.[i.pending] ?? 0) : 0;
    return {
      key: i.to,
      label: (
        <Link to={i.to} className={i.to === '/search' ? 'nav-search' : undefined}>
          {t(i.label)}
          {n > 0 && <Badge count={n} size="small" overflowCount={99} style={{ marginInlineStart: 6 }} aria-label={t('nav.pending', { n })} data-testid={`nav-pending-${i.pending}`} />}
        </Link>
      ),
    };
  });
  const bell = me.data?.org ? <NotificationBell /> : null;

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
          <Drawer open={open} onClose={() => setOpen(false)} title={t('app.name')} placement="right" width={300}>
            <Menu
              mode="vertical"
              items={menuItems}
              selectedKeys={selected ? [selected] : []}
              onClick={() => setOpen(false)}
              style={{ borderInlineEnd: 0 }}
            />
            <div className="drawer-section">
              <PrefsControls block />
            </div>
            <div className="drawer-section drawer-auth">{authButtons}</div>
          </Drawer>
        </>
      ) : (
        <>
          <Menu
            className="topnav-menu"
            mode="horizontal"
            items={menuItems}
            selectedKeys={selected ? [selected] : []}
          />
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
