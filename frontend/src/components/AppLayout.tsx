import { Suspense } from 'react';
import { Outlet, ScrollRestoration } from 'react-router';
import { Layout } from 'antd';
import { useT } from '../i18n';
import { PageSkeleton } from './PageState';
import TopNav from './TopNav';

export default function AppLayout() {
  const t = useT();
  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <TopNav />
      </Layout.Header>
      <Layout.Content className="app-content">
        <main id="main">
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </main>
      </Layout.Content>
      <Layout.Footer className="app-footer">
        {t('app.name')} · {t('app.tagline')}
      </Layout.Footer>
      <ScrollRestoration />
    </Layout>
  );
}
