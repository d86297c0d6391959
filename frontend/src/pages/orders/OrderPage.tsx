import { lazy, Suspense, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Descriptions, Grid, Space, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, EnvironmentOutlined, WarningFilled } from '@ant-design/icons';
import { formatDate, useLang } from '../../i18n';
import { useOrdersT } from '../../i18n/orders';
import { isStaff, useMe } from '../../auth/useMe';
import { useOrder } from '../../api/orders';
import { isApiError } from '../../api/client';
import type { Me, OrderDetail } from '../../api/types';
import { formatBp, formatFen } from '../../lib/money';
import { BlockLoading, LoadError, PageSkeleton } from '../../components/PageState';
import OrderStatusTag from '../../components/orders/OrderStatusTag';
import FairPay from '../../components/orders/FairPay';
import { craftName, depositText } from '../../components/orders/terms';
import { minBidQuantity } from './bidding/bidForm';
import SignInToBid from './bidding/SignInToBid';
import { placeText } from '../../lib/address';
import ThumbLinks from '../../components/uploads/ThumbLinks';
import { Panel } from '../../components/lite';
import { reasonText } from '../../lib/permissions';
import { msgText } from '../../lib/msg';

// Loaded after the page (with the settlement strings it needs), keeping the
// order page, the heaviest route, inside its budget.
const CompanyScorecardCard = lazy(() => import('../../components/scorecards/Scorecards').then((m) => ({ default: m.CompanyScorecardCard })));
// What only a signed-in party sees (the company's actions, funding and bid
// comparison, a workshop's bid form, the report form) loads when the order
// shows it: an anonymous visitor opening a shared link on a slow phone link
// gets the terms without their code (issue 24; scripts/bundle-size.mjs
// budgets the public page). Whether a section shows is the server's call
// (`actions`, `funding`, `mine`), as before.
const OrderActions = lazy(() => import('./OrderActions'));
const OrderFunding = lazy(() => import('./OrderFunding'));
const BidComparison = lazy(() => import('./bidding/BidComparison'));
const BidPanel = lazy(() => import('./bidding/BidPanel'));
const ReportButton = lazy(() => import('./ReportButton'));
const ErrorResult = lazy(() => import('../../components/ErrorResult'));
const OrderHistory = lazy(() => import('./OrderHistory'));

const bannerType = { draft: 'info', pending_review: 'info', published: 'success', rejected: 'error', suspended: 'warning', closed: 'info' } as const;

/** /orders/:id — public when published; the company and staff see more. */
export default function OrderPage() {
  const t = useOrdersT();
  const { id } = useParams();
  const order = useOrder(id);
  const me = useMe().data;
  if (order.isPending) return <PageSkeleton />;
  if (order.isError) {
    if (isApiError(order.error, 'not_found'))
      return (
        <Suspense fallback={<PageSkeleton />}>
          <ErrorResult status={404} title={t('error.404.title')} text={t('order.notFound')} />
        </Suspense>
      );
    return <LoadError error={order.error} onRetry={() => void order.refetch()} />;
  }
  const o = order.data;
  return <OrderView o={o} me={me} showStatus={o.mine || isStaff(me)} />;
}

interface ViewProps {
  o: OrderDetail;
  me: Me | null | undefined;
  showStatus: boolean;
}

function OrderView({ o, me, showStatus }: ViewProps) {
  const t = useOrdersT();
  const lang = useLang();
  const phone = !Grid.useBreakpoint().sm;
  const can = o.actions;
  // A workshop that may bid, and visitors (to sign in: the order is public), get a sticky 报价 button on a phone.
  const stickyBid = phone && (can.bid.allowed || !me);
  // Why the company cannot change its order any more (e.g. terms frozen by an award).
  const whyNoEdit = o.mine ? reasonText(can.edit, lang) : '';
  // Presentation: a moderation note explains a refusal or a suspension; an approval's note is not news.
  const note = o.status === 'published' ? '' : msgText(o.status_reason, lang);
  const tot = o.totals;
  const minBid = minBidQuantity(o);

  const facts: DescriptionsProps['items'] = [
    { key: 'price', label: t('orders.unitPrice'), children: <strong className="price">{t('orders.perPiece', { price: formatFen(o.unit_price) })}</strong> },
    { key: 'value', label: t('order.value'), children: formatFen(tot.order_value) },
    { key: 'qty', label: t('order.quantity'), children: t('orders.pieces', { n: o.quantity.toLocaleString() }) },
    { key: 'left', label: t('order.remaining'), children: t('orders.pieces', { n: o.remaining_quantity.toLocaleString() }) },
    {
      key: 'min',
      label: t('order.minBid'),
      children:
        // Never "at least 0": all awarded, one workshop for the whole order, or the rest in one bid.
        o.remaining_quantity === 0
          ? t('order.minBidNone')
          : minBid === o.quantity
            ? t('order.minBidWhole', { n: minBid.toLocaleString() })
            : minBid === o.remaining_quantity
              ? t('order.minBidRest', { n: minBid.toLocaleString() })
              : t('orders.pieces', { n: minBid.toLocaleString() }),
    },
    { key: 'minutes', label: t('order.minutes'), children: t('order.minutesVal', { n: o.minutes_per_piece }) },
    { key: 'bid', label: t('orders.biddingDeadline'), children: formatDate(lang, o.bidding_deadline, true) },
    { key: 'due', label: t('orders.deliveryDeadline'), children: formatDate(lang, o.delivery_deadline, true) },
    { key: 'addr', label: t('field.handoverAddress'), children: <span className="break-all">{placeText(o.region_name, o.address)}</span> },
  ];
  const terms: DescriptionsProps['items'] = [
    {
      key: 'materials',
      label: t('order.materials'),
      children: t('order.materialsText', {
        supply: t(`supply.${o.materials.supply}` as const),
        value: formatFen(o.materials.value_per_unit),
        loss: formatBp(o.materials.allowed_loss_bp),
        units: tot.allowed_loss_units,
      }),
    },
    {
      key: 'deposit',
      label: t('order.deposit'),
      children: (
        <div data-testid="deposit-terms">
          <div>{depositText(o, t)}</div>
          {o.deposit.kind !== 'none' && o.deposit.waivable && (
            <div>
              <Tag color="gold">{t('order.depositWaivable')}</Tag>
            </div>
          )}
          {o.deposit.kind !== 'none' && <div className="terms-note">{t('order.depositHeld')}</div>}
        </div>
      ),
    },
    {
      key: 'quality',
      label: t('order.quality'),
      children: (
        <div>
          <div style={{ whiteSpace: 'pre-wrap' }}>{o.quality.criteria}</div>
          <div className="terms-note">
            {t('order.qualityText', { defect: formatBp(o.quality.max_defect_bp), days: o.quality.inspection_days, rounds: o.quality.rework_rounds })}
          </div>
        </div>
      ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} className={stickyBid ? 'order-page has-sticky-bid' : 'order-page'}>
      {stickyBid && <StickyBid />}
      <div>
        <Space size={8} wrap align="center" style={{ marginBottom: 4 }}>
          {showStatus && <OrderStatusTag status={o.status} closeReason={o.close_reason} />}
          <Tag color="orange">{craftName(o, lang)}</Tag>
          {o.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Space>
        <h1 className="page-title" style={{ marginBottom: 4 }}>
          {o.title}
        </h1>
        <Space size={[12, 4]} wrap>
          <span data-testid="order-company">
            {o.company.name}{' '}
            {o.company.verified ? (
              <Tag color="success" icon={<CheckCircleFilled />}>
                {t('badge.verified')}
              </Tag>
            ) : (
              <Tag icon={<ClockCircleOutlined />}>{t('badge.unverified')}</Tag>
            )}
          </span>
          <span className="muted">
            <EnvironmentOutlined /> {o.region_name}
          </span>
        </Space>
      </div>

      {showStatus && (
        <Alert
          type={bannerType[o.status]}
          showIcon
          data-testid="status-banner"
          message={o.close_reason ? `${t('order.banner.closed')} ${t(`close.${o.close_reason}` as const)}` : t(`order.banner.${o.status}` as const)}
          description={
            note || whyNoEdit ? (
              <>
                {note && <div>{t('order.reason', { reason: note })}</div>}
                {whyNoEdit && <div data-testid="why-no-edit">{whyNoEdit}</div>}
              </>
            ) : undefined
          }
          action={
            phone || !o.mine ? undefined : (
              <Suspense fallback={null}>
                <OrderActions order={o} />
              </Suspense>
            )
          }
        />
      )}
      <Suspense fallback={null}>
        {o.mine && phone && <OrderActions order={o} />}
        {o.funding && <OrderFunding funding={o.funding} />}
      </Suspense>

      {tot.below_minimum_wage && !o.mine && (
        <Alert
          type="error"
          showIcon
          icon={<WarningFilled />}
          message={t('order.warnBelowTitle')}
          description={t('order.warnBelowText', {
            minutes: o.minutes_per_piece,
            hourly: formatFen(tot.hourly_equivalent),
            province: tot.min_wage_province,
            min: formatFen(tot.min_hourly_wage),
          })}
          data-testid="below-min-wage-warning"
        />
      )}

      {can.view_bids.allowed && (
        <Suspense fallback={<BlockLoading rows={3} />}>
          <BidComparison order={o} />
        </Suspense>
      )}

      <div className="cols cols-order">
        <div>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Panel title={t('order.terms')}>
              <Descriptions items={facts} column={phone ? 1 : 2} size="small" colon={false} className="order-facts" />
            </Panel>
            <Panel>
              <Descriptions items={terms} column={1} layout={phone ? 'vertical' : 'horizontal'} size="small" colon={false} className="order-terms" />
            </Panel>
            {o.description && (
              <Panel title={t('order.description')}>
                <p style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{o.description}</p>
              </Panel>
            )}
            {(o.sample_photo_uploads.length > 0 || o.sample_photos.length > 0) && (
              <Panel title={t('order.photos')} data-testid="sample-photos">
                <ThumbLinks
                  photos={o.sample_photo_uploads}
                  size={phone ? 96 : 120}
                  label={t('order.photos')}
                  alt={(n) => t('order.photoAlt', { n })}
                />
                {/* Links given before sample photos were uploads (older orders). */}
                {o.sample_photos.length > 0 && (
                  <ul className="photo-links">
                    {o.sample_photos.map((u) => (
                      <li key={u}>
                        <a href={u} target="_blank" rel="noreferrer noopener" className="break-all">
                          {u}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </Panel>
            )}
          </Space>
        </div>
        <div>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {me ? (
              <Suspense fallback={null}>
                <BidPanel order={o} me={me} />
              </Suspense>
            ) : (
              <SignInToBid />
            )}
            {/* What workshops see of the company before they bid (issue 13); absent in older fixtures. */}
            {o.company_scorecard && (
              <Suspense fallback={null}>
                <CompanyScorecardCard s={o.company_scorecard} />
              </Suspense>
            )}
            <Panel title={t('order.fairPay')}>
              <FairPay totals={tot} />
            </Panel>
            {can.report.allowed && (
              <Suspense fallback={null}>
                <ReportButton orderId={o.id} />
              </Suspense>
            )}
            {o.history && o.history.length > 0 && (
              <Panel title={t('order.history')}>
                <Suspense fallback={null}>
                  <OrderHistory events={o.history} />
                </Suspense>
              </Panel>
            )}
          </Space>
        </div>
      </div>
    </Space>
  );
}

/** A phone's bid button, always at hand while the terms are read; it takes
 *  the reader to the bid form and hides while the form is on screen. */
function StickyBid() {
  const t = useOrdersT();
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    const panel = document.getElementById('bid-panel');
    if (!panel || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(([e]) => setHidden(e.isIntersecting), { threshold: 0.15 });
    io.observe(panel);
    return () => io.disconnect();
  }, []);
  if (hidden) return null;
  return (
    <div className="sticky-bid" data-testid="sticky-bid">
      <Button type="primary" size="large" block onClick={() => document.getElementById('bid-panel')?.scrollIntoView({ behavior: 'smooth', block: 'start' })}>
        {t('bid.formTitle')}
      </Button>
    </div>
  );
}
