import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Empty, List, Space, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined, WarningFilled } from '@ant-design/icons';
import { formatDate, useLang } from '../../i18n';
import { useOrdersT } from '../../i18n/orders';
import { useMe } from '../../auth/useMe';
import { MY_ORDERS_PER_PAGE, useMyOrders } from '../../api/orders';
import { ORDER_STATUSES, type OrderStatus, type OrderView } from '../../api/types';
import { formatFen } from '../../lib/money';
import { msgText } from '../../lib/msg';
import { LoadError } from '../../components/PageState';
import OrderStatusTag from '../../components/orders/OrderStatusTag';

/** A company's orders by status ("我的订单"). */
export default function MyOrders() {
  const t = useOrdersT();
  const me = useMe().data!;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') ?? '';
  const status = (ORDER_STATUSES as string[]).includes(raw) ? (raw as OrderStatus) : '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useMyOrders(status, page);
  const verified = !!me.org?.verified;
  const counts = list.data?.counts ?? {};
  const all = Object.values(counts).reduce((a, n) => a + (n ?? 0), 0);

  const setQuery = (s: string, p = 1) => {
    const next = new URLSearchParams();
    if (s) next.set('status', s);
    if (p > 1) next.set('page', String(p));
    setParams(next, { replace: true });
  };

  const tabs = [
    { key: '', label: `${t('common.all')} ${all}` },
    ...ORDER_STATUSES.map((s) => ({ key: s, label: `${t(`status.${s}` as const)} ${counts[s] ?? 0}` })),
  ];

  return (
    <>
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('orders.title')}
        </Typography.Title>
        {verified && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/orders/new')}>
            {t('orders.new')}
          </Button>
        )}
      </div>
      {!verified && (
        <Alert
          type="info"
          showIcon
          message={t('orders.unverifiedTitle')}
          description={t('orders.unverifiedText')}
          action={<Link to="/org">{t('orders.toOrg')}</Link>}
          style={{ marginBottom: 16 }}
          data-testid="unverified-company"
        />
      )}
      <Tabs activeKey={status} items={tabs} onChange={(k) => setQuery(k)} className="status-tabs" />
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data && list.data.items.length === 0 ? (
        <Empty description={status ? t('orders.emptyStatus') : t('orders.empty')} />
      ) : (
        <List<OrderView>
          dataSource={list.data?.items}
          loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
          split={false}
          pagination={
            (list.data?.total ?? 0) > MY_ORDERS_PER_PAGE && {
              current: page,
              pageSize: MY_ORDERS_PER_PAGE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              align: 'center',
              onChange: (p) => setQuery(status, p),
            }
          }
          renderItem={(o) => <OrderCard order={o} />}
        />
      )}
    </>
  );
}

function OrderCard({ order: o }: { order: OrderView }) {
  const t = useOrdersT();
  const lang = useLang();
  return (
    <List.Item className="order-list-item">
      <Card size="small" className="order-card" data-testid="order-card">
        <div className="order-card-head">
          <Link to={`/orders/${o.id}`} className="order-card-title">
            {o.title}
          </Link>
          <OrderStatusTag status={o.status} closeReason={o.close_reason} />
        </div>
        <Space size={[16, 4]} wrap className="order-card-facts">
          <span>
            {t('orders.quantity')}{t('common.colon')}{t('orders.pieces', { n: o.quantity.toLocaleString() })}
          </span>
          <span>
            {t('orders.unitPrice')}{t('common.colon')}{t('orders.perPiece', { price: formatFen(o.unit_price) })}
          </span>
          <span>
            {t('orders.biddingDeadline')}{t('common.colon')}{formatDate(lang, o.bidding_deadline, true)}
          </span>
          {o.bids && (o.bids.total > 0 || o.actions.view_bids.allowed) && (
            <span data-testid="order-bids">
              {o.bids.total > 0 ? t('orders.bids', { n: o.bids.total }) : t('orders.noBids')}
              {o.bids.open > 0 && (
                <Tag color="orange" style={{ marginInlineStart: 6 }}>
                  {t('orders.bidsOpen', { n: o.bids.open })}
                </Tag>
              )}
            </span>
          )}
        </Space>
        {o.totals.below_minimum_wage && (
          <Typography.Text type="danger" className="order-card-warning">
            <WarningFilled /> {t('orders.belowMinWage')}
          </Typography.Text>
        )}
        {(o.status === 'rejected' || o.status === 'suspended') && o.status_reason && (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0' }}>
            {t('order.reason', { reason: msgText(o.status_reason, lang) })}
          </Typography.Paragraph>
        )}
      </Card>
    </List.Item>
  );
}
