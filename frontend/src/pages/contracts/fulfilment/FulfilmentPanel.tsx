import { useState, type ReactNode } from 'react';
import { Button, Card, Skeleton, Space, Typography } from 'antd';
import { InboxOutlined, RollbackOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import type { ContractView } from '../../../api/types';
import { useMessages, usePostMessage, useTimeline } from '../../../api/fulfilment';
import { isStaff, useMe } from '../../../auth/useMe';
import { useT } from '../../../i18n';
import { LoadError } from '../../../components/PageState';
import type { Side } from '../contractText';
import { ActionDialog, type Action } from './Actions';
import { Contacts, Deliveries, Dispatches, History, NextAction, QuantityBar } from './Parts';
import Thread from './Thread';
import { useNow } from './forms';
import './fulfilment.css';
import '../../../i18n/lifecycle';

const WORKING = ['active', 'materials_sent', 'in_production', 'delivering'];

/** The timeline: who acts next and by when, the quantities so far, materials,
 *  deliveries with inspections and disputes, the history, and the two
 *  parties' message thread. Each step opens a dialog for whoever acts. */
export default function FulfilmentPanel({ c, side }: { c: ContractView; side: Side }) {
  const t = useT();
  const tl = useTimeline(c.id);
  const now = useNow();
  const me = useMe().data;
  const staff = isStaff(me);
  const [action, setAction] = useState<Action | null>(null);

  if (tl.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (tl.isError) return <LoadError error={tl.error} onRetry={() => void tl.refetch()} />;
  const v = tl.data;
  const q = v.quantities;
  const started = c.status !== 'awaiting_funding' && c.status !== 'cancelled' && c.status !== 'lapsed';
  const own = c.materials.supply === 'workshop_sources';
  const working = WORKING.includes(v.status);

  const buttons: ReactNode[] = [];
  if (side === 'company' && working && !own && q.dispatched < c.quantity + c.materials.allowed_loss_units) {
    buttons.push(
      <Button key="dispatch" type={v.next_action === 'dispatch' ? 'primary' : 'default'} icon={<SendOutlined />} onClick={() => setAction({ kind: 'dispatch' })} data-testid="ful-dispatch">
        {t('ful.dispatch.button')}
      </Button>,
    );
  }
  const canDeliver = (v.status === 'in_production' || v.status === 'delivering' || (own && v.status === 'active')) && q.delivered < c.quantity;
  if (side === 'workshop' && canDeliver) {
    buttons.push(
      <Button key="deliver" type="primary" icon={<InboxOutlined />} onClick={() => setAction({ kind: 'deliver' })} data-testid="ful-deliver">
        {t('ful.deliver.button')}
      </Button>,
    );
  }
  if (side === 'workshop' && !own && (v.status === 'in_production' || v.status === 'delivering') && q.received - q.returned - q.delivered > 0) {
    buttons.push(
      <Button key="return" icon={<RollbackOutlined />} onClick={() => setAction({ kind: 'return' })} data-testid="ful-return">
        {t('ful.return.button')}
      </Button>,
    );
  }
  const nothingPending = q.awaiting_inspection <= 0 && q.in_rework <= 0 && q.disputed <= 0;
  // Before production the contract is cancelled instead (the money panel); once
  // work has started the company may end it short when nothing is pending.
  if (side === 'company' && (v.status === 'in_production' || v.status === 'delivering') && nothingPending && q.accepted < c.quantity) {
    buttons.push(
      <Button key="end" danger icon={<StopOutlined />} onClick={() => setAction({ kind: 'end' })} data-testid="ful-end">
        {t('ful.end.button')}
      </Button>,
    );
  }

  return (
    <section className="ful-panel" aria-label={t('ful.title')} data-testid="fulfilment">
      {started && (
        <Card size="small" title={t('ful.title')}>
          <NextAction tl={v} side={side} c={c} now={now} />
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
          <Deliveries tl={v} side={side} act={setAction} now={now} staff={staff} />
        </Card>
      )}
      {started && !own && (
        <Card size="small" title={t('ful.materials.title')}>
          <Dispatches tl={v} side={side} act={setAction} />
        </Card>
      )}
      <Card size="small" title={t('ful.thread.title')}>
        <Contacts tl={v} side={side} />
        <Messages c={c} canPost={side !== 'other' || staff} myOrgId={me?.org?.id} />
      </Card>
      {started && <History tl={v} />}
      {action && <ActionDialog action={action} c={c} q={q} onClose={() => setAction(null)} />}
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

