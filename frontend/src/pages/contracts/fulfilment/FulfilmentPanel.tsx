import { lazy, Suspense, type ReactNode } from 'react';
import { Button, Card, Modal, Skeleton, Space, Typography } from 'antd';
import { InboxOutlined, RollbackOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import type { ContractView } from '../../../api/types';
import { useMessages, usePostMessage, useTimeline } from '../../../api/fulfilment';
import { useMe } from '../../../auth/useMe';
import Fold from '../../../components/Fold';
import { useT } from '../../../i18n';
import { LoadError } from '../../../components/PageState';
import type { Side } from '../contractText';
import type { Action } from './Actions';
import { Contacts, Deliveries, Dispatches, History, NextAction, QuantityBar } from './Parts';
import Thread from './Thread';
import { useNow } from './forms';
import './fulfilment.css';

// The step dialogs (forms, photo uploads) load when one is opened, so the
// contract page a coordinator opens on a slow link carries only what it shows.
const ActionDialog = lazy(() => import('./Actions').then((m) => ({ default: m.ActionDialog })));
import '../../../i18n/lifecycle';

/** The timeline: who acts next and by when, the quantities so far, materials,
 *  deliveries with inspections and disputes, the history, and the two
 *  parties' message thread. Each button is shown when the server allows the
 *  caller that action (the timeline's and each row's `actions`); a step opens
 *  a dialog, which the page's next-step banner can open too. */
export default function FulfilmentPanel({
  c,
  side,
  phone,
  action,
  setAction,
}: {
  c: ContractView;
  side: Side;
  phone: boolean;
  action: Action | null;
  setAction: (a: Action | null) => void;
}) {
  const t = useT();
  const tl = useTimeline(c.id);
  const now = useNow();
  const me = useMe().data;

  if (tl.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (tl.isError) return <LoadError error={tl.error} onRetry={() => void tl.refetch()} />;
  const v = tl.data;
  const q = v.quantities;
  const x = v.actions;
  const started = v.stage !== 'funding' && v.stage !== 'ended';

  const buttons: ReactNode[] = [];
  if (x.dispatch.allowed) {
    buttons.push(
      <Button key="dispatch" type={v.next.action === 'dispatch' ? 'primary' : 'default'} icon={<SendOutlined />} onClick={() => setAction({ kind: 'dispatch' })} data-testid="ful-dispatch">
        {t('ful.dispatch.button')}
      </Button>,
    );
  }
  if (x.deliver.allowed) {
    buttons.push(
      <Button key="deliver" type="primary" icon={<InboxOutlined />} onClick={() => setAction({ kind: 'deliver' })} data-testid="ful-deliver">
        {t('ful.deliver.button')}
      </Button>,
    );
  }
  if (x.return.allowed) {
    buttons.push(
      <Button key="return" icon={<RollbackOutlined />} onClick={() => setAction({ kind: 'return' })} data-testid="ful-return">
        {t('ful.return.button')}
      </Button>,
    );
  }
  if (x.end_short.allowed) {
    buttons.push(
      <Button key="end" danger icon={<StopOutlined />} onClick={() => setAction({ kind: 'end' })} data-testid="ful-end">
        {t('ful.end.button')}
      </Button>,
    );
  }
  const own = c.dispatch_methods.length === 0; // the workshop sources its own material: no shipments to show

  return (
    <section className="ful-panel" aria-label={t('ful.title')} data-testid="fulfilment">
      {started && (
        <Card size="small" title={t('ful.title')}>
          <NextAction tl={v} c={c} now={now} />
          <QuantityBar q={q} />
          {buttons.length > 0 && (
            <Space wrap className="ful-actions">
              {buttons}
            </Space>
          )}
        </Card>
      )}
      {started && (
        <Card size="small" title={t('ful.deliveries.title')}>
          <Deliveries tl={v} act={setAction} now={now} />
        </Card>
      )}
      {started && !own && (
        <Fold phone={phone} title={t('ful.materials.title')} testId="fold-materials">
          <Card size="small" title={t('ful.materials.title')}>
            <Dispatches tl={v} act={setAction} />
          </Card>
        </Fold>
      )}
      <Fold phone={phone} title={t('ful.thread.title')} testId="fold-thread">
        <Card size="small" title={t('ful.thread.title')}>
          <Contacts tl={v} side={side} />
          <Messages c={c} canPost={x.post_message.allowed} myOrgId={me?.org?.id} />
        </Card>
      </Fold>
      {started && (
        <Fold phone={phone} title={t('ful.history.title')} testId="fold-history">
          <History tl={v} />
        </Fold>
      )}
      {action && (
        <Suspense fallback={<Modal open loading footer={null} onCancel={() => setAction(null)} />}>
          <ActionDialog action={action} c={c} q={q} limits={v.limits} onClose={() => setAction(null)} />
        </Suspense>
      )}
    </section>
  );
}

function Messages({ c, canPost, myOrgId }: { c: ContractView; canPost: boolean; myOrgId?: string }) {
  const t = useT();
  const list = useMessages(c.id);
  const post = usePostMessage(c.id);
  if (list.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  // Pages load newest first; show them oldest first.
  const items = [...list.data.pages].reverse().flatMap((p) => p.items);
  return (
    <>
      {list.hasNextPage && (
        <Button type="link" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="thread-older">
          {t('ful.thread.older')}
        </Button>
      )}
      <Typography.Paragraph type="secondary" className="terms-note">
        {t('ful.thread.record')}
      </Typography.Paragraph>
      <Thread
        items={items}
        companyId={c.company.id}
        workshopId={c.workshop.id}
        myOrgId={myOrgId}
        post={canPost ? (input) => post.mutateAsync(input) : undefined}
        posting={post.isPending}
        testId="messages"
      />
    </>
  );
}

