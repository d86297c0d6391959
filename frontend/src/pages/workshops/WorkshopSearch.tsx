import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Empty, Input, InputNumber, Modal, Select, Skeleton, Space, Switch, Tag, Typography } from 'antd';
import { useMessage } from '../../components/feedback';
import { CheckOutlined, EnvironmentOutlined, SendOutlined, TeamOutlined } from '@ant-design/icons';
import { useLang, useT } from '../../i18n';
import { useCrafts, useProvinces } from '../../api/meta';
import { useOrder } from '../../api/orders';
import { useInviteWorkshop, useOrderInvitations, useSearchWorkshops } from '../../api/workshops';
import { isApiError } from '../../api/client';
import { WORKSHOP_SORTS, type OrderDetail, type WorkshopHit } from '../../api/types';
import { errorText } from '../../lib/errors';
import { reasonText } from '../../lib/permissions';
import { LoadError } from '../../components/PageState';
import SearchBox from '../../components/SearchBox';
import WorkshopBadges from '../../components/bids/WorkshopBadges';
import { useCraftNames } from '../../components/CraftSelect';
import BidStatusTag from '../../components/bids/BidStatusTag';
import { formatKm } from '../../components/bids/figures';
import { ON_TIME_MIN, WORKSHOP_RADII, WORKSHOP_RATING_MIN, WORKSHOPS_PER_PAGE, toWorkshopParams, useWorkshopSearchState, type WorkshopState } from './workshopQuery';
import { ResultPager, SearchColumns } from '../search/SearchLayout';
import { PartialMatch, totalLabel, withoutWord } from '../search/MatchNotice';

/** /workshops — companies find community workshops and invite them to bid (?order=). */
export default function WorkshopSearch() {
  const t = useT();
  const lang = useLang();
  const { state, set } = useWorkshopSearchState();
  const order = useOrder(state.order || undefined);
  const o = state.order ? order.data : undefined;
  const near = o ? `${o.lat},${o.lng}` : undefined;
  const apiParams = useMemo(() => toWorkshopParams(state, near), [state, near]);
  // With ?order= wait for the order so the first search is already by distance.
  const waiting = !!state.order && order.isPending;
  const result = useSearchWorkshops(apiParams, !waiting);
  const canInvite = !!o && o.actions.invite.allowed;
  const invitations = useOrderInvitations(state.order, canInvite);
  const invited = new Map((invitations.data?.items ?? []).map((i) => [i.workshop.id, i]));
  const [inviting, setInviting] = useState<WorkshopHit | null>(null);

  const filters = <Filters state={state} set={set} facets={result.data?.facets} hasOrder={!!o} />;
  const activeFilters =
    (state.craft ? 1 : 0) +
    (state.region ? 1 : 0) +
    (state.minCapacity ? 1 : 0) +
    (state.verified ? 1 : 0) +
    (state.guaranteed ? 1 : 0) +
    (state.radius ? 1 : 0) +
    (state.onTimeMin ? 1 : 0) +
    (state.ratingMin ? 1 : 0);

  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t('workshops.title')}
      </Typography.Title>
      {o ? (
        <Alert
          type="info"
          showIcon
          icon={<EnvironmentOutlined />}
          style={{ marginBottom: 12 }}
          data-testid="invite-for-order"
          message={t('workshops.forOrder', { title: o.title })}
          description={canInvite ? t('workshops.forOrderText') : o.mine ? reasonText(o.actions.invite, lang) : t('workshops.nearOrder')}
          action={<Link to={`/orders/${o.id}`}>{t('workshops.backToOrder')}</Link>}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t('workshops.intro')}</Typography.Paragraph>
      )}
      {state.order && order.isError && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('workshops.orderMissing')} />}
      <SearchBox id="workshops-q" label={t('workshops.label')} placeholder={t('workshops.placeholder')} value={state.q} onChange={(q) => set({ q })} />
      <SearchColumns filters={filters} active={activeFilters}>
        <div className="search-toolbar">
          <Typography.Text aria-live="polite" data-testid="workshops-total">
            {result.data && !waiting ? t('workshops.results', { n: totalLabel(result.data.total, result.data.total_exact) }) : '\u00a0'}
          </Typography.Text>
          <Select
            aria-label={t('search.sort')}
            value={apiParams.sort ?? 'relevance'}
            onChange={(sort) => set({ sort: sort === 'relevance' && !near ? '' : sort })}
            options={WORKSHOP_SORTS.filter((s) => s !== 'distance' || near).map((s) => ({ value: s, label: workshopSortLabel(t, s) }))}
            style={{ minWidth: 150 }}
          />
        </div>
        {result.isError ? (
          <LoadError error={result.error} onRetry={() => void result.refetch()} />
        ) : result.isPending || waiting ? (
          <Card size="small" className="order-card">
            <Skeleton active paragraph={{ rows: 2 }} />
          </Card>
        ) : result.data.hits.length === 0 ? (
          <Empty description={t('workshops.empty')}>
            {(activeFilters > 0 || state.q) && (
              <Button
                onClick={() => set({ q: '', craft: '', region: '', minCapacity: null, verified: false, guaranteed: false, radius: 0, sort: '', onTimeMin: '', ratingMin: '' })}
              >
                {t('search.clear')}
              </Button>
            )}
          </Empty>
        ) : (
          <div className={result.isPlaceholderData ? 'search-results stale' : 'search-results'} data-testid="workshop-results">
            <PartialMatch meta={result.data} onRemove={(w) => set({ q: withoutWord(result.data.words ?? [], w) })} />
            {result.data.hits.map((h) => {
              const inv = invited.get(h.id);
              return (
                <WorkshopCard
                  key={h.id}
                  hit={h}
                  orderId={o?.id}
                  action={
                    canInvite ? (
                      inv ? (
                        <Space size={4}>
                          {inv.bid_status && <BidStatusTag status={inv.bid_status} />}
                          <Button size="small" disabled icon={<CheckOutlined />}>
                            {t('workshops.invited')}
                          </Button>
                        </Space>
                      ) : (
                        <Button size="small" type="primary" icon={<SendOutlined />} onClick={() => setInviting(h)} loading={invitations.isPending}>
                          {t('workshops.invite')}
                        </Button>
                      )
                    ) : null
                  }
                />
              );
            })}
            <ResultPager page={state.page} perPage={WORKSHOPS_PER_PAGE} total={result.data.total} onPage={(page) => set({ page })} />
          </div>
        )}
      </SearchColumns>
      {o && <InviteModal order={o} workshop={inviting} onClose={() => setInviting(null)} />}
    </>
  );
}

function InviteModal({ order, workshop, onClose }: { order: OrderDetail; workshop: WorkshopHit | null; onClose: () => void }) {
  const t = useT();
  const message = useMessage();
  const invite = useInviteWorkshop(order.id);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = () => {
    if (!workshop) return;
    setError(null);
    invite.mutate(
      { workshop_id: workshop.id, message: text.trim() },
      {
        onSuccess: () => {
          message.success(t('workshops.inviteSent', { name: workshop.name }));
          onClose();
        },
        onError: (e) => {
          // Already invited (by a colleague, or a double click): the button shows it now.
          if (isApiError(e, 'conflict')) {
            message.info(t('workshops.alreadyInvited'));
            onClose();
          } else setError(errorText(e, t));
        },
      },
    );
  };
  return (
    <Modal
      open={!!workshop}
      title={workshop ? t('workshops.inviteTitle', { name: workshop.name }) : ''}
      okText={t('workshops.inviteSend')}
      cancelText={t('common.cancel')}
      onOk={send}
      confirmLoading={invite.isPending}
      onCancel={onClose}
      afterClose={() => {
        setText('');
        setError(null);
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('workshops.inviteText', { title: order.title })}</Typography.Paragraph>
      <label htmlFor="invite-message" className="filter-label">
        {t('workshops.inviteMessage')}
      </label>
      <Input.TextArea id="invite-message" rows={3} maxLength={500} showCount value={text} onChange={(e) => setText(e.target.value)} />
      {error && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} message={error} />}
    </Modal>
  );
}

interface FiltersProps {
  state: WorkshopState;
  set: (p: Partial<WorkshopState>) => void;
  facets?: { craft?: Record<string, number>; province?: Record<string, number> };
  hasOrder: boolean;
}

function Filters({ state, set, facets, hasOrder }: FiltersProps) {
  const t = useT();
  const lang = useLang();
  const crafts = useCrafts();
  const regions = useProvinces();
  const craftCounts = facets?.craft ?? {};
  const craftOptions = [
    { value: '', label: t('workshops.anyCraft') },
    ...(crafts.data ?? []).map((c) => ({
      value: c.code,
      label: `${lang === 'zh' ? c.name_zh : c.name_en}${craftCounts[c.code] != null ? ` (${craftCounts[c.code]})` : ''}`,
    })),
  ];
  const provinceCounts = facets?.province ?? {};
  const provinceOptions = [
    { value: '', label: t('search.anyProvince') },
    ...(regions.data ?? []).map((r) => ({ value: r.code, label: `${r.name}${provinceCounts[r.code] != null ? ` (${provinceCounts[r.code]})` : ''}` })),
  ];
  return (
    <div className="search-filter-body">
      <div className="filter-group">
        <label className="filter-label" htmlFor="ws-craft">
          {t('search.craft')}
        </label>
        <Select id="ws-craft" style={{ width: '100%' }} value={state.craft} onChange={(craft) => set({ craft })} options={craftOptions} showSearch optionFilterProp="label" />
      </div>
      <div className="filter-group">
        <label className="filter-label" htmlFor="ws-province">
          {t('search.province')}
        </label>
        <Select id="ws-province" style={{ width: '100%' }} value={state.region} onChange={(region) => set({ region })} options={provinceOptions} showSearch optionFilterProp="label" />
      </div>
      <div className="filter-group">
        <label className="filter-label" htmlFor="ws-capacity">
          {t('workshops.minCapacity')}
        </label>
        <InputNumber
          id="ws-capacity"
          style={{ width: '100%' }}
          min={1}
          max={10_000_000}
          precision={0}
          inputMode="numeric"
          value={state.minCapacity}
          onChange={(v) => set({ minCapacity: typeof v === 'number' && v > 0 ? v : null })}
          suffix={t('workshops.perWeek')}
        />
      </div>
      <div className="filter-group filter-switch">
        <label htmlFor="ws-verified">{t('workshops.onlyVerified')}</label>
        <Switch id="ws-verified" checked={state.verified} onChange={(verified) => set({ verified })} />
      </div>
      <div className="filter-group filter-switch">
        <label htmlFor="ws-guaranteed">{t('workshops.onlyGuaranteed')}</label>
        <Switch id="ws-guaranteed" checked={state.guaranteed} onChange={(guaranteed) => set({ guaranteed })} />
      </div>
      {hasOrder && (
        <div className="filter-group">
          <label className="filter-label" htmlFor="ws-radius">
            {t('workshops.radius')}
          </label>
          <Select
            id="ws-radius"
            style={{ width: '100%' }}
            value={state.radius}
            onChange={(radius) => set({ radius })}
            options={[{ value: 0, label: t('workshops.anyDistance') }, ...WORKSHOP_RADII.map((r) => ({ value: r, label: t('search.distance', { km: r }) }))]}
          />
        </div>
      )}
      <fieldset className="filter-group" data-testid="score-filters">
        <legend className="filter-label">{t('search.scoreWorkshopTitle')}</legend>
        <label className="filter-label" htmlFor="ws-on-time">
          {t('search.scoreOnTime')}
        </label>
        <Select
          id="ws-on-time"
          style={{ width: '100%' }}
          value={state.onTimeMin}
          onChange={(onTimeMin) => set({ onTimeMin })}
          options={[{ value: '' as const, label: t('search.scoreRejectionAny') }, ...ON_TIME_MIN.map((n) => ({ value: n, label: t('search.scoreOnTimeMin', { n }) }))]}
        />
        <label className="filter-label" htmlFor="ws-rating" style={{ marginTop: 8 }}>
          {t('search.scoreWorkshopRating')}
        </label>
        <Select
          id="ws-rating"
          style={{ width: '100%' }}
          value={state.ratingMin}
          onChange={(ratingMin) => set({ ratingMin })}
          options={[{ value: '' as const, label: t('search.scoreRatingAny') }, ...WORKSHOP_RATING_MIN.map((n) => ({ value: n, label: t('search.scoreRatingMin', { n }) }))]}
        />
        <Typography.Paragraph type="secondary" className="score-note">
          {t('search.scoreWorkshopNote')}
        </Typography.Paragraph>
      </fieldset>
    </div>
  );
}

/** A sort's label; the scorecard sorts have their own keys. */
function workshopSortLabel(t: ReturnType<typeof useT>, s: (typeof WORKSHOP_SORTS)[number]): string {
  switch (s) {
    case 'completed':
      return t('search.scoreSortCompleted');
    case 'on_time':
      return t('search.scoreSortOnTime');
    case 'acceptance':
      return t('search.scoreSortAcceptance');
    case 'rating':
      return t('search.scoreSortWorkshopRating');
    default:
      return t(`workshopSort.${s}` as const);
  }
}

function WorkshopCard({ hit: h, orderId, action }: { hit: WorkshopHit; orderId?: string; action: ReactNode }) {
  const t = useT();
  const craftName = useCraftNames();
  return (
    <Card size="small" className="order-card workshop-card" data-testid="workshop-hit">
      <div className="order-card-head">
        <Link to={`/profiles/${h.id}${orderId ? `?order=${orderId}` : ''}`} className="order-card-title">
          {h.name}
        </Link>
        {action}
      </div>
      <Space size={[4, 4]} wrap className="hit-company">
        <WorkshopBadges w={h} />
        {h.crafts.map((c) => (
          <Tag key={c} color="orange">
            {craftName(c)}
          </Tag>
        ))}
      </Space>
      <Space size={[16, 4]} wrap className="order-card-facts">
        <span>
          <TeamOutlined /> {t('workshops.headcount', { n: h.headcount })}
        </span>
        <span>{t('workshops.capacity', { n: h.weekly_capacity.toLocaleString() })}</span>
        <span>{t('workshops.completed', { n: h.completed_contracts })}</span>
        {h.completed_contracts < 3 ? (
          <Typography.Text type="secondary" data-testid="workshop-score">
            {t('search.scoreCardWorkshopFew')}
          </Typography.Text>
        ) : (
          <span data-testid="workshop-score">
            {h.on_time_pct != null && <Tag color="green">{t('search.scoreCardOnTime', { pct: h.on_time_pct.toFixed(1) })}</Tag>}
            {h.acceptance_pct != null && <Tag color="green">{t('search.scoreCardAcceptance', { pct: h.acceptance_pct.toFixed(1) })}</Tag>}
            {h.rating != null && <Tag>{t('search.scoreCardRating', { n: h.rating.toFixed(1) })}</Tag>}
          </span>
        )}
      </Space>
      <div className="hit-foot">
        <Typography.Text type="secondary" className="break-all">
          <EnvironmentOutlined /> {h.region_name}
          {h.host ? ` · ${h.host}` : ''}
        </Typography.Text>
        {h.distance_km != null && (
          <Typography.Text strong data-testid="workshop-distance">
            {t('workshops.distance', { km: formatKm(h.distance_km, t) })}
          </Typography.Text>
        )}
      </div>
    </Card>
  );
}
