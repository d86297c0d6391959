import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Checkbox, Empty, Input, Select, Skeleton, Space, Switch, Tag, Typography } from 'antd';
import { CheckCircleFilled, EnvironmentOutlined, WarningFilled } from '@ant-design/icons';
import { formatDate, useLang, useT } from '../../i18n';
import { useMe } from '../../auth/useMe';
import { useCrafts, useRegions } from '../../api/meta';
import { useSearchOrders } from '../../api/search';
import { SEARCH_SORTS, type SearchHit } from '../../api/types';
import { formatFen } from '../../lib/money';
import { LoadError } from '../../components/PageState';
import SearchBox from '../../components/SearchBox';
import { craftName } from '../../components/orders/terms';
import { RADII, SEARCH_PER_PAGE, toApiParams, useSearchState, type SearchState } from './searchQuery';
import { ResultPager, SearchColumns } from './SearchLayout';
import { PartialMatch, WordChips, totalLabel, withoutWord } from './MatchNotice';

/** /search — the workshop coordinators' main page: find published orders. */
export default function SearchPage() {
  const t = useT();
  const { state, set } = useSearchState();
  const apiParams = useMemo(() => toApiParams(state), [state]);
  const result = useSearchOrders(apiParams);
  const filters = <Filters state={state} set={set} facets={result.data?.facets} />;
  const activeFilters = state.crafts.length + (state.region ? 1 : 0) + (state.min || state.max ? 1 : 0) + (state.deposit ? 1 : 0) + (state.near ? 1 : 0);

  return (
    <>
      <Typography.Title level={2} className="page-title">
        {t('search.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('search.intro')}</Typography.Paragraph>
      <SearchBox id="search-q" label={t('search.label')} placeholder={t('search.placeholder')} value={state.q} onChange={(q) => set({ q })} />
      <SearchColumns filters={filters} active={activeFilters}>
        <div className="search-toolbar">
          <Typography.Text aria-live="polite" data-testid="search-total">
            {result.data ? t('search.results', { n: totalLabel(result.data.total, result.data.total_exact) }) : '\u00a0'}
          </Typography.Text>
          <Space size={8}>
            <label htmlFor="search-sort" className="sr-only">
              {t('search.sort')}
            </label>
            <Select
              id="search-sort"
              aria-label={t('search.sort')}
              value={state.sort || 'relevance'}
              onChange={(sort) => set({ sort: sort === 'relevance' ? '' : sort })}
              options={SEARCH_SORTS.filter((s) => s !== 'distance' || state.near).map((s) => ({ value: s, label: t(`sort.${s}` as const) }))}
              style={{ minWidth: 150 }}
            />
          </Space>
        </div>
        {result.isError ? (
          <LoadError error={result.error} onRetry={() => void result.refetch()} />
        ) : result.isPending ? (
          <div data-testid="search-loading">
            {[0, 1, 2].map((i) => (
              <Card size="small" key={i} className="order-card" style={{ marginBottom: 12 }}>
                <Skeleton active paragraph={{ rows: 2 }} />
              </Card>
            ))}
          </div>
        ) : result.data.hits.length === 0 ? (
          <Empty description={t('search.empty')} className="search-empty">
            <Typography.Paragraph type="secondary">{t('search.emptyHint')}</Typography.Paragraph>
            {(result.data.words?.length ?? 0) > 1 && <WordChips words={result.data.words!} onRemove={(w) => set({ q: withoutWord(result.data.words!, w) })} />}
            {(activeFilters > 0 || state.q) && (
              <Button onClick={() => set({ q: '', crafts: [], region: '', min: '', max: '', deposit: '', near: '', sort: '' })}>{t('search.clear')}</Button>
            )}
          </Empty>
        ) : (
          <div className={result.isPlaceholderData ? 'search-results stale' : 'search-results'} data-testid="search-results">
            <PartialMatch meta={result.data} onRemove={(w) => set({ q: withoutWord(result.data.words ?? [], w) })} />
            {result.data.hits.map((h) => (
              <HitCard key={h.id} hit={h} />
            ))}
            <ResultPager page={state.page} perPage={SEARCH_PER_PAGE} total={result.data.total} onPage={(page) => set({ page })} />
          </div>
        )}
      </SearchColumns>
    </>
  );
}

interface FiltersProps {
  state: SearchState;
  set: (p: Partial<SearchState>) => void;
  facets?: { craft?: Record<string, number>; province?: Record<string, number>; deposit?: Record<string, number> };
}

function Filters({ state, set, facets }: FiltersProps) {
  const t = useT();
  const lang = useLang();
  const crafts = useCrafts();
  const regions = useRegions();
  const me = useMe().data;
  const [locating, setLocating] = useState(false);
  const [geoError, setGeoError] = useState(false);
  const workshop = me?.org?.kind === 'workshop' ? me.org : null;

  const craftCounts = facets?.craft ?? {};
  const craftOptions = (crafts.data ?? [])
    .filter((c) => craftCounts[c.code] || state.crafts.includes(c.code))
    .map((c) => ({ value: c.code, label: `${lang === 'zh' ? c.name_zh : c.name_en} (${craftCounts[c.code] ?? 0})` }));
  const provinceCounts = facets?.province ?? {};
  const provinceName = (code: string) => regions.data?.find((r) => r.code === code)?.name ?? code;
  const provinceOptions = [
    { value: '', label: t('search.anyProvince') },
    ...Object.entries(provinceCounts)
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => ({ value: code, label: `${provinceName(code)} (${n})` })),
  ];
  if (state.region && !provinceCounts[state.region]) provinceOptions.push({ value: state.region, label: provinceName(state.region) });

  const toggleNear = (on: boolean) => {
    setGeoError(false);
    if (!on) return set({ near: '', sort: state.sort === 'distance' ? '' : state.sort });
    if (workshop) return set({ near: `${workshop.lat},${workshop.lng}`, sort: 'distance' });
    if (!('geolocation' in navigator)) return setGeoError(true);
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        const r = (n: number) => Math.round(n * 1e4) / 1e4;
        set({ near: `${r(pos.coords.latitude)},${r(pos.coords.longitude)}`, sort: 'distance' });
      },
      () => {
        setLocating(false);
        setGeoError(true);
      },
      { timeout: 15000, maximumAge: 300000 },
    );
  };

  return (
    <div className="search-filter-body">
      <fieldset className="filter-group">
        <legend className="filter-label">{t('search.craft')}</legend>
        {craftOptions.length ? (
          <Checkbox.Group className="facet-list" value={state.crafts} onChange={(v) => set({ crafts: v as string[] })} options={craftOptions} />
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        )}
      </fieldset>
      <div className="filter-group">
        <label className="filter-label" htmlFor="search-province">
          {t('search.province')}
        </label>
        <Select id="search-province" style={{ width: '100%' }} value={state.region} onChange={(region) => set({ region })} options={provinceOptions} />
      </div>
      <fieldset className="filter-group">
        <legend className="filter-label">{t('search.price')}</legend>
        <Space.Compact style={{ width: '100%' }}>
          <PriceInput label={t('search.priceMin')} placeholder={t('search.minShort')} value={state.min} onCommit={(min) => set({ min })} />
          <PriceInput label={t('search.priceMax')} placeholder={t('search.maxShort')} value={state.max} onCommit={(max) => set({ max })} />
        </Space.Compact>
      </fieldset>
      <div className="filter-group filter-switch">
        <label htmlFor="search-nodeposit">{t('search.noDeposit')}</label>
        <Switch id="search-nodeposit" checked={state.deposit === 'none'} onChange={(on) => set({ deposit: on ? 'none' : '' })} />
      </div>
      <div className="filter-group filter-switch">
        <label htmlFor="search-near">
          <EnvironmentOutlined /> {t('search.near')}
        </label>
        <Switch id="search-near" checked={!!state.near} loading={locating} onChange={toggleNear} />
      </div>
      {state.near && (
        <div className="filter-group">
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
            {workshop ? t('search.nearWorkshop') : t('search.nearBrowser')}
          </Typography.Text>
          <label className="filter-label" htmlFor="search-radius">
            {t('search.radius')}
          </label>
          <Select
            id="search-radius"
            style={{ width: '100%' }}
            value={state.radius}
            onChange={(radius) => set({ radius })}
            options={RADII.map((r) => ({ value: r, label: t('search.distance', { km: r }) }))}
          />
        </div>
      )}
      {geoError && <Alert type="warning" showIcon message={t('search.geoFailed')} />}
    </div>
  );
}

/** A yuan amount applied when leaving the box or pressing Enter. */
function PriceInput({ label, placeholder, value, onCommit }: { label: string; placeholder: string; value: string; onCommit: (v: string) => void }) {
  const [text, setText] = useState(value);
  const [prev, setPrev] = useState(value);
  if (value !== prev) {
    setPrev(value);
    setText(value);
  }
  const commit = () => {
    const v = text.trim();
    if (v !== value) onCommit(v);
  };
  return (
    <Input
      aria-label={label}
      placeholder={placeholder}
      prefix="¥"
      inputMode="decimal"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onPressEnter={commit}
    />
  );
}

function HitCard({ hit: h }: { hit: SearchHit }) {
  const t = useT();
  const lang = useLang();
  const deposit =
    h.deposit_kind === 'none' || h.deposit_min_bid === 0 ? (
      <Tag color="green">{t('search.noDepositNeeded')}</Tag>
    ) : (
      <>
        <span>{t('search.depositFrom', { amount: formatFen(h.deposit_min_bid) })}</span>
        {h.deposit_waivable && <Tag color="gold">{t('search.waivable')}</Tag>}
      </>
    );
  return (
    <Card size="small" className={`order-card hit-card${h.below_minimum_wage ? ' order-card-below' : ''}`} data-testid="search-hit">
      <div className="order-card-head">
        <Link to={`/orders/${h.id}`} className="order-card-title">
          {h.title}
        </Link>
        <span className="hit-price">{t('orders.perPiece', { price: formatFen(h.unit_price) })}</span>
      </div>
      <Space size={[8, 4]} wrap className="hit-company">
        <span>{h.company_name}</span>
        {h.company_verified && (
          <Tag color="success" icon={<CheckCircleFilled />}>
            {t('badge.verified')}
          </Tag>
        )}
        <Tag color="orange">{craftName(h, lang)}</Tag>
      </Space>
      <Space size={[16, 4]} wrap className="order-card-facts">
        <span>{t('search.left', { n: h.remaining_quantity.toLocaleString() })}</span>
        <span>{t('search.minBid', { n: h.min_bid_quantity.toLocaleString() })}</span>
        <span>{t('search.closes', { date: formatDate(lang, h.bidding_deadline) })}</span>
        <span className="hit-deposit">{deposit}</span>
      </Space>
      <div className="hit-foot">
        <Typography.Text type="secondary">
          <EnvironmentOutlined /> {h.region_name}
          {h.distance_km != null && ` · ${t('search.distance', { km: h.distance_km.toFixed(1) })}`}
        </Typography.Text>
        {h.below_minimum_wage && (
          <Typography.Text type="danger" strong>
            <WarningFilled /> {t('orders.belowMinWage')}
          </Typography.Text>
        )}
      </div>
    </Card>
  );
}
