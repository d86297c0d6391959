import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Card, Col, Empty, Form, Input, List, Modal, Row, Space, Tabs, Tag, Typography } from 'antd';
import { useMessage } from '../../components/feedback';
import { CheckOutlined, CloseOutlined, PauseCircleOutlined, PlayCircleOutlined, WarningFilled } from '@ant-design/icons';
import { formatDate, useLang } from '../../i18n';
import { useOrdersT, type OrdersKey } from '../../i18n/orders';
import { QUEUE_PER_PAGE, useModerate, useModerationQueue } from '../../api/moderation';
import type { ModerationAction, OrderStatus, OrderView } from '../../api/types';
import { errorText } from '../../lib/errors';
import { formatFen } from '../../lib/money';
import { msgText } from '../../lib/msg';
import { LoadError } from '../../components/PageState';
import FairPayChart from '../../components/orders/FairPayChart';
import { craftName, depositText } from '../../components/orders/terms';

const TABS: OrderStatus[] = ['pending_review', 'published', 'suspended', 'rejected'];
/** Each tab's empty queue, in words (an empty review queue is good news). */
const EMPTY: Partial<Record<OrderStatus, OrdersKey>> = { pending_review: 'moderation.emptyReview' };
const MODERATION: ModerationAction[] = ['approve', 'reject', 'suspend', 'reinstate'];
const needsReason = (a: ModerationAction) => a === 'reject' || a === 'suspend';

/** Staff: orders waiting for review (below minimum wage first), and the
 *  published / suspended / rejected ones. */
export default function ModerationQueue() {
  const t = useOrdersT();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') as OrderStatus | null;
  const status = raw && TABS.includes(raw) ? raw : 'pending_review';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useModerationQueue(status, page);
  const [acting, setActing] = useState<{ order: OrderView; action: ModerationAction } | null>(null);

  const set = (s: OrderStatus, p = 1) => {
    const next = new URLSearchParams();
    if (s !== 'pending_review') next.set('status', s);
    if (p > 1) next.set('page', String(p));
    setParams(next, { replace: true });
  };

  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t('moderation.title')}
      </Typography.Title>
      <Tabs
        activeKey={status}
        onChange={(k) => set(k as OrderStatus)}
        items={TABS.map((s) => ({
          key: s,
          label: s === status && list.data ? `${t(`status.${s}` as const)} ${list.data.total}` : t(`status.${s}` as const),
        }))}
      />
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data && list.data.items.length === 0 ? (
        <Empty description={t(EMPTY[status] ?? 'moderation.empty')} data-testid="moderation-empty" />
      ) : (
        <List<OrderView>
          dataSource={list.data?.items}
          loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
          split={false}
          pagination={
            (list.data?.total ?? 0) > QUEUE_PER_PAGE && {
              current: page,
              pageSize: QUEUE_PER_PAGE,
              total: list.data?.total ?? 0,
              align: 'center',
              showSizeChanger: false,
              onChange: (p) => set(status, p),
            }
          }
          renderItem={(o) => (
            <List.Item className="order-list-item">
              <QueueCard order={o} onAct={(action) => setActing({ order: o, action })} />
            </List.Item>
          )}
        />
      )}
      {acting && <ActionModal {...acting} onClose={() => setActing(null)} />}
    </>
  );
}

const buttonText: Record<ModerationAction, OrdersKey> = {
  approve: 'moderation.approve',
  reject: 'moderation.reject',
  suspend: 'moderation.suspend',
  reinstate: 'moderation.reinstate',
};
const icons: Record<ModerationAction, React.ReactNode> = {
  approve: <CheckOutlined />,
  reject: <CloseOutlined />,
  suspend: <PauseCircleOutlined />,
  reinstate: <PlayCircleOutlined />,
};

function QueueCard({ order: o, onAct }: { order: OrderView; onAct: (a: ModerationAction) => void }) {
  const t = useOrdersT();
  const lang = useLang();
  const below = o.totals.below_minimum_wage;
  return (
    <Card size="small" className={`order-card moderation-card${below ? ' order-card-below' : ''}`} data-testid="moderation-card">
      <div className="order-card-head">
        <Link to={`/orders/${o.id}`} className="order-card-title">
          {o.title}
        </Link>
        {below && (
          <Tag color="error" icon={<WarningFilled />} style={{ marginInlineEnd: 0 }}>
            {t('orders.belowMinWage')}
          </Tag>
        )}
      </div>
      <Space size={[12, 4]} wrap style={{ marginBottom: 8 }}>
        <span>
          {o.company.name}{' '}
          <Tag color={o.company.verified ? 'success' : 'default'}>{t(o.company.verified ? 'badge.verified' : 'badge.unverified')}</Tag>
        </span>
        <Tag color="orange">{craftName(o, lang)}</Tag>
        <Typography.Text type="secondary">{o.region_name}</Typography.Text>
      </Space>
      <Row gutter={[16, 8]}>
        <Col xs={24} md={12}>
          <dl className="kv">
            <dt>{t('orders.unitPrice')}</dt>
            <dd>{t('orders.perPiece', { price: formatFen(o.unit_price) })}</dd>
            <dt>{t('orders.quantity')}</dt>
            <dd>{t('orders.pieces', { n: o.quantity.toLocaleString() })}</dd>
            <dt>{t('order.value')}</dt>
            <dd>{formatFen(o.totals.order_value)}</dd>
            <dt>{t('order.deposit')}</dt>
            <dd>
              {depositText(o, t)}
              {o.deposit.kind !== 'none' && o.deposit.waivable && <> · {t('order.depositWaivable')}</>}
            </dd>
            <dt>{t('order.minutes')}</dt>
            <dd>{t('order.minutesVal', { n: o.minutes_per_piece })}</dd>
          </dl>
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('summary.hourly')}</Typography.Text>
          <FairPayChart totals={o.totals} />
        </Col>
      </Row>
      {o.status_reason && (o.status === 'rejected' || o.status === 'suspended') && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('order.reason', { reason: msgText(o.status_reason, lang) })}
        </Typography.Paragraph>
      )}
      <div className="moderation-foot">
        <Typography.Text type="secondary">
          {t('moderation.submittedAt', { date: formatDate(lang, o.submitted_at ?? o.created_at, true) })}
        </Typography.Text>
        <Space wrap>
          {/* The decisions the server allows on this order now (order.actions). */}
          {MODERATION.filter((a) => o.actions[a].allowed).map((a) => (
            <Button key={a} icon={icons[a]} type={a === 'approve' || a === 'reinstate' ? 'primary' : 'default'} danger={needsReason(a)} onClick={() => onAct(a)}>
              {t(buttonText[a])}
            </Button>
          ))}
        </Space>
      </div>
    </Card>
  );
}

function ActionModal({ order, action, onClose }: { order: OrderView; action: ModerationAction; onClose: () => void }) {
  const t = useOrdersT();
  const message = useMessage();
  const moderate = useModerate();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const required = needsReason(action);
  const submit = () => {
    if (required && !reason.trim()) {
      setError(t('moderation.reasonRequired'));
      return;
    }
    moderate.mutate(
      { id: order.id, action, reason: reason.trim() },
      {
        onSuccess: (o) => {
          message.success(t('moderation.done', { title: o.title }));
          onClose();
        },
        onError: (e) => setError(errorText(e, t)),
      },
    );
  };
  return (
    <Modal
      open
      title={t(buttonText[action])}
      okText={t(buttonText[action])}
      okButtonProps={{ danger: required }}
      cancelText={t('common.cancel')}
      onOk={submit}
      confirmLoading={moderate.isPending}
      onCancel={onClose}
    >
      <Typography.Paragraph>{t(`moderation.confirm.${action}` as const, { title: order.title })}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item
          label={required ? t('moderation.reason') : t('moderation.note')}
          htmlFor="moderation-reason"
          required={required}
          validateStatus={error ? 'error' : undefined}
          help={error}
        >
          <Input.TextArea id="moderation-reason" rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
