import { Link, useSearchParams } from 'react-router';
import { Card, Empty, List, Space, Tabs, Tag, Typography } from 'antd';
import { FileProtectOutlined } from '@ant-design/icons';
import { formatDate, useLang } from '../../i18n';
import { useOrdersT } from '../../i18n/orders';
import { useMe } from '../../auth/useMe';
import { MY_BIDS_PER_PAGE, useMyBids } from '../../api/bids';
import { BID_STATUSES, type BidStatus, type BidView } from '../../api/types';
import { formatFen } from '../../lib/money';
import { msgText } from '../../lib/msg';
import { LoadError } from '../../components/PageState';
import BidStatusTag from '../../components/bids/BidStatusTag';
import { depositQuoteText } from '../../components/bids/figures';

/** /bids — a workshop's own bids ("我的报价"); a company sees the bids on its orders. */
export default function MyBids() {
  const t = useOrdersT();
  const me = useMe().data;
  const company = me?.org?.kind === 'company';
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') ?? '';
  const status = (BID_STATUSES as string[]).includes(raw) ? (raw as BidStatus) : '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useMyBids(status, page);

  const setQuery = (s: string, p = 1) => {
    const next = new URLSearchParams();
    if (s) next.set('status', s);
    if (p > 1) next.set('page', String(p));
    setParams(next, { replace: true });
  };
  const tabs = [{ key: '', label: t('common.all') }, ...BID_STATUSES.map((s) => ({ key: s, label: t(`bidStatus.${s}` as const) }))];

  return (
    <>
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {company ? t('bids.companyTitle') : t('bids.title')}
        </Typography.Title>
        {!company && (
          <Link to="/search">
            <Typography.Text>{t('bids.findMore')}</Typography.Text>
          </Link>
        )}
      </div>
      <Tabs activeKey={status} items={tabs} onChange={(k) => setQuery(k)} className="status-tabs" />
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data && list.data.items.length === 0 ? (
        <Empty description={status ? t('bids.emptyStatus') : company ? t('bids.emptyCompany') : t('bids.empty')}>
          {!company && !status && <Link to="/search">{t('bids.findMore')}</Link>}
        </Empty>
      ) : (
        <List<BidView>
          dataSource={list.data?.items}
          loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
          split={false}
          pagination={
            (list.data?.total ?? 0) > MY_BIDS_PER_PAGE && {
              current: page,
              pageSize: MY_BIDS_PER_PAGE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              align: 'center',
              onChange: (p) => setQuery(status, p),
            }
          }
          renderItem={(b) => <BidCard bid={b} company={company} />}
        />
      )}
    </>
  );
}

function BidCard({ bid: b, company }: { bid: BidView; company: boolean }) {
  const t = useOrdersT();
  const lang = useLang();
  return (
    <List.Item className="order-list-item">
      <Card size="small" className="order-card" data-testid="bid-card">
        <div className="order-card-head">
          <Link to={`/orders/${b.order_id}`} className="order-card-title">
            {b.order_title}
          </Link>
          <BidStatusTag status={b.status} />
        </div>
        <Space size={[8, 4]} wrap className="hit-company card-line">
          <Typography.Text type="secondary">{company ? b.workshop.name : b.company.name}</Typography.Text>
          {b.revision > 1 && <Tag>{t('bid.revision', { n: b.revision })}</Tag>}
        </Space>
        <Space size={[16, 4]} wrap className="order-card-facts card-line">
          <span>
            {t('orders.pieces', { n: b.quantity.toLocaleString() })} × {t('orders.perPiece', { price: formatFen(b.unit_price) })}
          </span>
          <span>
            {t('bid.amount')}
            {t('common.colon')}
            <strong>{formatFen(b.quote.amount)}</strong>
          </span>
          <span>
            {t('bid.deposit')}
            {t('common.colon')}
            {depositQuoteText(b.quote.deposit, t)}
          </span>
          <span>
            {t('bid.deliveryDate')}
            {t('common.colon')}
            {formatDate(lang, b.delivery_date)}
          </span>
        </Space>
        {b.status_reason && (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0' }}>
            {t('order.reason', { reason: msgText(b.status_reason, lang) })}
          </Typography.Paragraph>
        )}
        <div className="hit-foot">
          <Typography.Text type="secondary">{t('bid.updatedOn', { date: formatDate(lang, b.updated_at, true) })}</Typography.Text>
          {b.contract_id && (
            <Link to={`/contracts/${b.contract_id}`} data-testid="bid-contract-link">
              <FileProtectOutlined /> {t('bid.toContract')}
            </Link>
          )}
        </div>
      </Card>
    </List.Item>
  );
}
