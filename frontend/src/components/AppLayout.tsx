import { Suspense } from 'react';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { Layout } from 'antd';
import { useT } from '../i18n';
import { PageSkeleton } from './PageState';
import TopNav from './TopNav';

export default function AppLayout() {
  const t = useT();
  const { pathname } = useLocation();
  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <TopNav />
      </Layout.Header>
      {/* antd's Content is the page's one <main> landmark. */}
      <Layout.Content id="main" className="app-content">
        <div className="app-main">
          {/* A new boundary per page: the router navigates in a transition, which
              would keep the old page on screen (and its form usable) while the
              new page's chunk loads; a new boundary shows the skeleton at once. */}
          <Suspense key={pathname} fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </div>
      </Layout.Content>
      <Layout.Footer className="app-footer">
        {t('app.name')} · {t('app.tagline')}
      </Layout.Footer>
      <ScrollRestoration />
    </Layout>
  );
}
