import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Button, Card, Empty, Grid, Progress, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, CheckOutlined, CloseOutlined, FileProtectOutlined, UserAddOutlined, WarningFilled } from '@ant-design/icons';
import { formatDate, useLang } from '../../../i18n';
import { useOrdersT, type OrdersT } from '../../../i18n/orders';
import { useAcceptBid, useOrderBids, useRejectBid } from '../../../api/bids';
import type { BidComparison as Bid, BidStatus, ContractView, OrderDetail } from '../../../api/types';
import { errorText } from '../../../lib/errors';
import { formatBp, formatFen } from '../../../lib/money';
import { reasonText } from '../../../lib/permissions';
import { msgText } from '../../../lib/msg';
import { LoadError } from '../../../components/PageState';
import BidStatusTag from '../../../components/bids/BidStatusTag';
import WorkshopBadges from '../../../components/bids/WorkshopBadges';
import { formatKm, formatRate } from '../../../components/bids/figures';
import AwardModal from './AwardModal';
import RejectBidModal from './RejectBidModal';

type Filter = 'all' | BidStatus;

/** The company's comparison of the bids on its order, with award and reject
 *  where each bid's `actions` allow them (staff see the same table without). */
export default function BidComparison({ order: o }: { order: OrderDetail }) {
  const t = useOrdersT();
  const lang = useLang();
  const cards = !Grid.useBreakpoint().md;
  const navigate = useNavigate();
  const bids = useOrderBids(o.id);
  const accept = useAcceptBid();
  const reject = useRejectBid();
  const [filter, setFilter] = useState<Filter>('all');
  const [awarding, setAwarding] = useState<Bid | null>(null);
  const [rejecting, setRejecting] = useState<Bid | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [awarded, setAwarded] = useState<{ contract: ContractView; workshop: string } | null>(null);

  const items = bids.data?.items ?? [];
  const count = (s: BidStatus) => items.filter((b) => b.status === s).length;
  const shown = filter === 'all' ? items : items.filter((b) => b.status === filter);
  const awardedQty = o.quantity - o.remaining_quantity;
  const percent = o.quantity > 0 ? Math.round((awardedQty / o.quantity) * 100) : 0;
  // Other bids still waiting for the company's decision (an award that closes the order ends them).
  const openOthers = awarding ? items.filter((b) => b.actions.reject.allowed && b.id !== awarding.id).length : 0;

  const doAward = (confirmBelowMinimumWage: boolean) => {
    if (!awarding) return;
    setError(null);
    const workshop = awarding.workshop.name;
    accept.mutate({ id: awarding.id, confirmBelowMinimumWage }, {
      onSuccess: (contract) => {
        setAwarding(null);
        setAwarded({ contract, workshop });
      },
      onError: (e) => setError(errorText(e, t)),
    });
  };
  const doReject = (reason: string) => {
    if (!rejecting) return;
    setError(null);
    reject.mutate({ id: rejecting.id, reason }, { onSuccess: () => setRejecting(null), onError: (e) => setError(errorText(e, t)) });
  };

  const actions = (b: Bid) => {
    if (b.contract_id) {
      return (
        <Link to={`/contracts/${b.contract_id}`} data-testid="bid-contract-link">
          <FileProtectOutlined /> {t('bid.toContract')}
        </Link>
      );
    }
    const can = b.actions;
    if (!can.accept.allowed && !can.reject.allowed) return null;
    return (
      <Space size={4} wrap className="bid-actions">
        {can.accept.allowed ? (
          <Button
            type="primary"
            size="small"
            icon={<CheckOutlined />}
            onClick={() => {
              setError(null);
              setAwarding(b);
            }}
          >
            {t('compare.award')}
          </Button>
        ) : (
          // Why this open bid cannot be awarded (unverified workshop, too many pieces, a stale date…).
          <Typography.Text type="secondary" className="bid-refused" data-testid="award-refused">
            {reasonText(can.accept, lang)}
          </Typography.Text>
        )}
        {can.reject.allowed && (
          <Button
            size="small"
            danger
            icon={<CloseOutlined />}
            onClick={() => {
              setError(null);
              setRejecting(b);
            }}
          >
            {t('compare.reject')}
          </Button>
        )}
      </Space>
    );
  };

  const filters: { value: Filter; label: string }[] = [
    { value: 'all', label: `${t('common.all')} ${items.length}` },
    ...(['submitted', 'accepted', 'rejected', 'withdrawn', 'expired'] as BidStatus[])
      .filter((s) => s === 'submitted' || count(s) > 0)
      .map((s) => ({ value: s as Filter, label: `${t(`bidStatus.${s}` as const)} ${count(s)}` })),
  ];

  return (
    <Card
      size="small"
      title={t('compare.title')}
      className="bid-compare"
      data-testid="bid-compare"
      extra={
        o.actions.invite.allowed ? (
          <Button size="small" icon={<UserAddOutlined />} onClick={() => navigate(`/workshops?order=${o.id}&craft=${encodeURIComponent(o.craft)}`)}>
            {t('compare.invite')}
          </Button>
        ) : null
      }
    >
      <div className="award-progress" data-testid="award-progress">
        <div className="award-progress-label">
          <span>{t('compare.awarded', { n: awardedQty.toLocaleString(), total: o.quantity.toLocaleString() })}</span>
          <Typography.Text type="secondary">{t('compare.remaining', { n: o.remaining_quantity.toLocaleString() })}</Typography.Text>
        </div>
        <Progress percent={percent} showInfo={false} strokeColor="#15803d" aria-label={t('compare.progress', { p: percent })} />
      </div>
      {awarded && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setAwarded(null)}
          data-testid="award-done"
          style={{ marginBottom: 12 }}
          message={t('compare.awardedTo', { workshop: awarded.workshop, amount: formatFen(awarded.contract.escrow_amount) })}
          action={
            <Link to={`/contracts/${awarded.contract.id}`}>
              <FileProtectOutlined /> {t('bid.toContract')}
            </Link>
          }
        />
      )}
      {bids.isError ? (
        <LoadError error={bids.error} onRetry={() => void bids.refetch()} />
      ) : bids.data && items.length === 0 ? (
        <Empty description={o.actions.invite.allowed ? t('compare.empty') : t('compare.emptyClosed')} />
      ) : (
        <>
          <div className="compare-filter">
            <Segmented<Filter> options={filters} value={filter} onChange={setFilter} size="small" />
          </div>
          {cards ? (
            <div data-testid="bid-cards">
              {bids.isPending && <Card size="small" loading />}
              {shown.map((b) => (
                <BidCard key={b.id} bid={b} orderPrice={o.unit_price} actions={actions(b)} />
              ))}
            </div>
          ) : (
            <Table<Bid>
              rowKey="id"
              size="small"
              loading={bids.isPending}
              dataSource={shown}
              columns={columns(t, o.unit_price, actions)}
              pagination={false}
              scroll={{ x: 'max-content' }}
              className="bid-table"
              rowClassName={(b) => (b.status === 'submitted' ? '' : 'bid-row-closed')}
              onRow={() => ({ 'data-testid': 'bid-row' }) as HTMLAttributes<HTMLElement>}
            />
          )}
        </>
      )}
      <AwardModal
        bid={awarding}
        remaining={o.remaining_quantity}
        othersOpen={openOthers}
        loading={accept.isPending}
        error={awarding ? error : null}
        onOk={doAward}
        onCancel={() => setAwarding(null)}
      />
      <RejectBidModal bid={rejecting} loading={reject.isPending} error={rejecting ? error : null} onOk={doReject} onCancel={() => setRejecting(null)} />
    </Card>
  );
}

function WorkshopCell({ b }: { b: Bid }) {
  const t = useOrdersT();
  return (
    <div className="bid-workshop">
      <Link to={`/profiles/${b.workshop.id}`} className="bid-workshop-name">
        {b.workshop.name}
      </Link>
      <div>
        <WorkshopBadges w={b.workshop} />
        {!b.workshop.verified && (
          <Tooltip title={t('compare.unverifiedHint')}>
            <Tag color="orange" data-testid="bid-unverified">
              {t('compare.unverified')}
            </Tag>
          </Tooltip>
        )}
      </div>
      {b.message && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: b.message }} className="bid-message">
          {b.message}
        </Typography.Paragraph>
      )}
    </div>
  );
}

function Price({ b, orderPrice }: { b: Bid; orderPrice: number }) {
  const t = useOrdersT();
  const counter = b.unit_price !== orderPrice;
  return (
    <span className={counter ? 'bid-counter' : undefined} data-testid={counter ? 'counter-offer' : undefined}>
      <strong>{t('orders.perPiece', { price: formatFen(b.unit_price) })}</strong>
      {counter && (
        <Tooltip title={t('bid.orderPrice', { price: formatFen(orderPrice) })}>
          <Tag
            color={b.unit_price > orderPrice ? 'orange' : 'blue'}
            icon={b.unit_price > orderPrice ? <ArrowUpOutlined /> : <ArrowDownOutlined />}
            style={{ marginInlineStart: 4 }}
          >
            {t('bid.counterOffer')}
            <span className="sr-only">{b.unit_price > orderPrice ? t('compare.higher') : t('compare.lower')}</span>
          </Tag>
        </Tooltip>
      )}
      {b.quote.below_minimum_wage && <BelowMinWage b={b} />}
    </span>
  );
}

/** Flagged before the award dialog: the price works out below the minimum wage where the workshop is. */
function BelowMinWage({ b }: { b: Bid }) {
  const t = useOrdersT();
  const q = b.quote;
  return (
    <span className="bid-below" data-testid="bid-below-min-wage">
      <Tag color="error" icon={<WarningFilled />}>
        {t('orders.belowMinWage')}
      </Tag>
      <Typography.Text type="danger" className="bid-sub-line">
        {t('compare.belowMin', { hourly: formatFen(q.hourly_equivalent), province: q.min_wage_province, min: formatFen(q.min_hourly_wage) })}
      </Typography.Text>
    </span>
  );
}

/** The platform's commission on the bid and what the workshop keeps (the server's quote). */
function Net({ b }: { b: Bid }) {
  const t = useOrdersT();
  const q = b.quote;
  return (
    <Typography.Text type="secondary" className="bid-sub-line" data-testid="bid-net">
      {t('compare.net', { rate: formatBp(q.commission_bp), commission: formatFen(q.commission), net: formatFen(q.workshop_net) })}
    </Typography.Text>
  );
}

function Quantity({ b, withAmount = false }: { b: Bid; withAmount?: boolean }) {
  const t = useOrdersT();
  return (
    <span>
      <span style={{ whiteSpace: 'nowrap' }}>{t('orders.pieces', { n: b.quantity.toLocaleString() })}</span>
      {!b.fits_remaining && b.status === 'submitted' && (
        <Tag color="error" icon={<WarningFilled />} style={{ marginInlineStart: 4 }} data-testid="too-many">
          {t('compare.overRemaining')}
        </Tag>
      )}
      {withAmount && (
        <>
          <Typography.Text type="secondary" className="bid-amount-line">
            {t('compare.total', { amount: formatFen(b.quote.amount) })}
          </Typography.Text>
          <Net b={b} />
        </>
      )}
    </span>
  );
}

function Record({ b }: { b: Bid }) {
  const t = useOrdersT();
  const r = b.track_record;
  return (
    <span className="track-record" data-testid="track-record">
      <span>{t('record.shortDone', { done: r.completed_contracts, disputes: r.disputes })}</span>
      <span>{t('record.shortRates', { onTime: formatRate(r.on_time_rate), accepted: formatRate(r.acceptance_rate) })}</span>
    </span>
  );
}

function Status({ b }: { b: Bid }) {
  const lang = useLang();
  return b.status_reason ? (
    <Tooltip title={msgText(b.status_reason, lang)}>
      <span>
        <BidStatusTag status={b.status} />
      </span>
    </Tooltip>
  ) : (
    <BidStatusTag status={b.status} />
  );
}

function columns(t: OrdersT, orderPrice: number, actions: (b: Bid) => ReactNode): TableColumnsType<Bid> {
  return [
    { key: 'workshop', title: t('compare.workshop'), render: (_, b) => <WorkshopCell b={b} />, width: 200 },
    { key: 'price', title: t('orders.unitPrice'), render: (_, b) => <Price b={b} orderPrice={orderPrice} />, sorter: (a, b) => a.unit_price - b.unit_price },
    { key: 'qty', title: t('orders.quantity'), render: (_, b) => <Quantity b={b} withAmount />, sorter: (a, b) => a.quantity - b.quantity },
    { key: 'date', title: t('compare.date'), render: (_, b) => <DateCell iso={b.delivery_date} />, sorter: (a, b) => a.delivery_date.localeCompare(b.delivery_date) },
    { key: 'heads', title: t('compare.headcount'), render: (_, b) => t('bid.people', { n: b.headcount }) },
    {
      key: 'distance',
      title: t('compare.distance'),
      render: (_, b) => formatKm(b.distance_km, t),
      sorter: (a, b) => (a.distance_km ?? Infinity) - (b.distance_km ?? Infinity),
    },
    { key: 'record', title: t('compare.record'), render: (_, b) => <Record b={b} /> },
    { key: 'status', title: t('compare.status'), render: (_, b) => <Status b={b} /> },
    { key: 'actions', title: t('staff.orgs.actions'), render: (_, b) => actions(b), fixed: 'right' },
  ];
}

function DateCell({ iso }: { iso: string }) {
  const lang = useLang();
  return <span style={{ whiteSpace: 'nowrap' }}>{formatDate(lang, iso)}</span>;
}

function BidCard({ bid: b, orderPrice, actions }: { bid: Bid; orderPrice: number; actions: ReactNode }) {
  const t = useOrdersT();
  return (
    <Card size="small" className="order-card bid-card" data-testid="bid-row">
      <div className="order-card-head">
        <WorkshopCell b={b} />
        <Status b={b} />
      </div>
      <dl className="kv">
        <dt>{t('orders.unitPrice')}</dt>
        <dd>
          <Price b={b} orderPrice={orderPrice} />
        </dd>
        <dt>{t('orders.quantity')}</dt>
        <dd>
          <Quantity b={b} />
        </dd>
        <dt>{t('bid.amount')}</dt>
        <dd>
          {formatFen(b.quote.amount)}
          <Net b={b} />
        </dd>
        <dt>{t('compare.date')}</dt>
        <dd>
          <DateCell iso={b.delivery_date} />
        </dd>
        <dt>{t('compare.headcount')}</dt>
        <dd>{t('bid.people', { n: b.headcount })}</dd>
        <dt>{t('compare.distance')}</dt>
        <dd>{formatKm(b.distance_km, t)}</dd>
        <dt>{t('compare.record')}</dt>
        <dd>
          <Record b={b} />
        </dd>
      </dl>
      {actions && <div className="bid-card-actions">{actions}</div>}
    </Card>
  );
}
