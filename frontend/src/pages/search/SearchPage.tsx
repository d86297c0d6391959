import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Grid } from 'antd';
import { CheckCircleFilled, EnvironmentOutlined, WarningFilled } from '@ant-design/icons';
import { formatDate, useLang, useT } from '../../i18n';
import { useMe } from '../../auth/useMe';
import { useCrafts, useProvinces } from '../../api/meta';
import { useSearchOrders } from '../../api/search';
import { SEARCH_SORTS, type SearchHit } from '../../api/types';
import { formatFen } from '../../lib/money';
import { BlockLoading, LoadError } from '../../components/PageState';
import SearchBox from '../../components/SearchBox';
import { craftName } from '../../components/orders/terms';
import { NativeSelect, Pager, SwitchInput, TextInput } from '../../components/lite';
import { RADII, RATING_MIN, REJECTION_MAX, SEARCH_PER_PAGE, toApiParams, useSearchState, type SearchState } from './searchQuery';
import { PartialMatch, WordChips, totalLabel, withoutWord } from './MatchNotice';

/** /search — the workshop coordinators' main page: find published orders.
 *  Built from plain markup and native controls (components/lite.tsx): it is a
 *  first page on a phone, and its JS budget is checked (scripts/bundle-size.mjs). */
export default function SearchPage() {
  const t = useT();
  const phone = !Grid.useBreakpoint().lg;
  const { state, set } = useSearchState();
  const apiParams = useMemo(() => toApiParams(state), [state]);
  const result = useSearchOrders(apiParams);
  const filters = <Filters state={state} set={set} facets={result.data?.facets} />;
  // An empty search near a place offers the next radius up.
  const wider = state.near ? RADII.find((r) => r > state.radius) : undefined;
  const activeFilters =
    state.crafts.length + (state.region ? 1 : 0) + (state.min || state.max ? 1 : 0) + (state.deposit ? 1 : 0) + (state.near ? 1 : 0) + (state.rejectionMax ? 1 : 0) + (state.ratingMin ? 1 : 0);

  return (
    <>
      <h1 className="page-title">{t('search.title')}</h1>
      <p className="muted">{t('search.intro')}</p>
      <SearchBox id="search-q" label={t('search.label')} placeholder={t('search.placeholder')} value={state.q} onChange={(q) => set({ q })} />
      <div className="cols cols-search" style={{ marginTop: 16 }}>
        <div>
          {phone ? (
            <details className="panel search-filters-collapse">
              <summary>{activeFilters ? `${t('search.filters')} (${activeFilters})` : t('search.filters')}</summary>
              {filters}
            </details>
          ) : (
            <section className="panel search-filters" aria-labelledby="filters-title">
              <h3 id="filters-title" className="panel-title">
                {t('search.filters')}
              </h3>
              {filters}
            </section>
          )}
        </div>
        <div>
          <div className="search-toolbar">
            <span aria-live="polite" data-testid="search-total">
              {result.data ? t('search.results', { n: totalLabel(result.data.total, result.data.total_exact) }) : '\u00a0'}
            </span>
            <span>
              <label htmlFor="search-sort" className="sr-only">
                {t('search.sort')}
              </label>
              <NativeSelect
                id="search-sort"
                label={t('search.sort')}
                value={state.sort || 'relevance'}
                onChange={(sort) => set({ sort: sort === 'relevance' ? '' : sort })}
                options={SEARCH_SORTS.filter((s) => s !== 'distance' || state.near).map((s) => ({ value: s, label: sortLabel(t, s) }))}
              />
            </span>
          </div>
          {result.isError ? (
            <LoadError error={result.error} onRetry={() => void result.refetch()} />
          ) : result.isPending ? (
            <div data-testid="search-loading">
              {[0, 1, 2].map((i) => (
                <div key={i} className="panel order-card" style={{ marginBottom: 12 }}>
                  <BlockLoading rows={2} />
                </div>
              ))}
            </div>
          ) : result.data.hits.length === 0 ? (
            <div className="panel search-empty">
              <p className="search-empty-title">{t('search.empty')}</p>
              <p className="muted">{t('search.emptyHint')}</p>
              {wider && (
                <Button type="primary" onClick={() => set({ radius: wider })} style={{ marginInlineEnd: 8 }}>
                  {t('search.widen', { km: wider })}
                </Button>
              )}
              {(result.data.words?.length ?? 0) > 1 && <WordChips words={result.data.words!} onRemove={(w) => set({ q: withoutWord(result.data.words!, w) })} />}
              {(activeFilters > 0 || state.q) && (
                <Button onClick={() => set({ q: '', crafts: [], region: '', min: '', max: '', deposit: '', near: '', sort: '', rejectionMax: '', ratingMin: '' })}>
                  {t('search.clear')}
                </Button>
              )}
            </div>
          ) : (
            <div className={result.isPlaceholderData ? 'search-results stale' : 'search-results'} data-testid="search-results">
              <PartialMatch meta={result.data} onRemove={(w) => set({ q: withoutWord(result.data.words ?? [], w) })} />
              {result.data.hits.map((h) => (
                <HitCard key={h.id} hit={h} />
              ))}
              {result.data.total > SEARCH_PER_PAGE && (
                <Pager
                  page={state.page}
                  perPage={SEARCH_PER_PAGE}
                  total={result.data.total}
                  onChange={(page) => {
                    set({ page });
                    window.scrollTo(0, 0);
                  }}
                />
              )}
            </div>
          )}
        </div>
      </div>
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
  const regions = useProvinces();
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
          <div className="facet-list">
            {craftOptions.map((o) => (
              <label key={o.value}>
                <input
                  type="checkbox"
                  checked={state.crafts.includes(o.value)}
                  onChange={(e) => set({ crafts: e.target.checked ? [...state.crafts, o.value] : state.crafts.filter((c) => c !== o.value) })}
                />{' '}
                {o.label}
              </label>
            ))}
          </div>
        ) : (
          <span className="muted">{t('common.none')}</span>
        )}
      </fieldset>
      <div className="filter-group">
        <label className="filter-label" htmlFor="search-province">
          {t('search.province')}
        </label>
        <NativeSelect id="search-province" value={state.region} onChange={(region) => set({ region })} options={provinceOptions} />
      </div>
      <fieldset className="filter-group">
        <legend className="filter-label">{t('search.price')}</legend>
        <div className="price-range">
          <PriceInput label={t('search.priceMin')} placeholder={t('search.minShort')} value={state.min} onCommit={(min) => set({ min })} />
          <span aria-hidden>–</span>
          <PriceInput label={t('search.priceMax')} placeholder={t('search.maxShort')} value={state.max} onCommit={(max) => set({ max })} />
        </div>
      </fieldset>
      <div className="filter-group filter-switch">
        <label htmlFor="search-nodeposit">{t('search.noDeposit')}</label>
        <SwitchInput id="search-nodeposit" checked={state.deposit === 'none'} onChange={(on) => set({ deposit: on ? 'none' : '' })} />
      </div>
      <div className="filter-group filter-switch">
        <label htmlFor="search-near">
          <EnvironmentOutlined /> {t('search.near')}
        </label>
        <SwitchInput id="search-near" checked={!!state.near} busy={locating} onChange={toggleNear} />
      </div>
      {state.near && (
        <div className="filter-group">
          <span className="muted" style={{ display: 'block', marginBottom: 4 }}>
            {workshop ? t('search.nearWorkshop') : t('search.nearBrowser')}
          </span>
          <label className="filter-label" htmlFor="search-radius">
            {t('search.radius')}
          </label>
          <NativeSelect
            id="search-radius"
            value={state.radius}
            onChange={(radius) => set({ radius })}
            options={RADII.map((r) => ({ value: r, label: t('search.distance', { km: r }) }))}
          />
        </div>
      )}
      {geoError && <Alert type="warning" showIcon message={t('search.geoFailed')} />}
      <fieldset className="filter-group" data-testid="score-filters">
        <legend className="filter-label">{t('search.scoreTitle')}</legend>
        <label className="filter-label" htmlFor="search-rejection">
          {t('search.scoreRejection')}
        </label>
        <NativeSelect
          id="search-rejection"
          value={state.rejectionMax}
          onChange={(rejectionMax) => set({ rejectionMax })}
          options={[{ value: '' as const, label: t('search.scoreRejectionAny') }, ...REJECTION_MAX.map((n) => ({ value: n, label: t('search.scoreRejectionMax', { n }) }))]}
        />
        <label className="filter-label" htmlFor="search-rating" style={{ marginTop: 8 }}>
          {t('search.scoreRating')}
        </label>
        <NativeSelect
          id="search-rating"
          value={state.ratingMin}
          onChange={(ratingMin) => set({ ratingMin })}
          options={[{ value: '' as const, label: t('search.scoreRatingAny') }, ...RATING_MIN.map((n) => ({ value: n, label: t('search.scoreRatingMin', { n }) }))]}
        />
        <p className="muted score-note">{t('search.scoreNote')}</p>
      </fieldset>
    </div>
  );
}

/** A sort's label; the scorecard sorts have their own keys. */
function sortLabel(t: ReturnType<typeof useT>, s: (typeof SEARCH_SORTS)[number]): string {
  if (s === 'company_rating') return t('search.scoreSortRating');
  if (s === 'company_rejection') return t('search.scoreSortRejection');
  return t(`sort.${s}` as const);
}

/** The posting company's record on its card: rejection rate, rating and
 *  settled contracts, or "too few" below 3 settled contracts (the figures are
 *  null then: a percentage from one or two contracts would mislead). */
function CompanyScore({ hit: h }: { hit: SearchHit }) {
  const t = useT();
  const settled = h.company_contracts_settled ?? 0;
  if (settled < 3) return <span className="muted" data-testid="hit-score">{t('search.scoreCardFew')}</span>;
  return (
    <span className="wrap-row" data-testid="hit-score">
      {h.company_rejection_pct != null && (
        <span className={h.company_rejection_pct > 10 ? 'tag tag-orange' : 'tag tag-green'}>{t('search.scoreCardRejection', { pct: h.company_rejection_pct.toFixed(1) })}</span>
      )}
      {h.company_rating != null && <span className="tag">{t('search.scoreCardRating', { n: h.company_rating.toFixed(1) })}</span>}
      <span className="muted">{t('search.scoreCardSettled', { n: settled })}</span>
    </span>
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
    <TextInput
      aria-label={label}
      placeholder={`¥ ${placeholder}`}
      inputMode="decimal"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

function HitCard({ hit: h }: { hit: SearchHit }) {
  const t = useT();
  const lang = useLang();
  const deposit =
    h.deposit_kind === 'none' || h.deposit_min_bid === 0 ? (
      <span className="tag tag-green">{t('search.noDepositNeeded')}</span>
    ) : (
      <>
        <span>{t('search.depositFrom', { amount: formatFen(h.deposit_min_bid) })}</span>
        {h.deposit_waivable && <span className="tag tag-gold">{t('search.waivable')}</span>}
      </>
    );
  return (
    <article className={`panel order-card hit-card${h.below_minimum_wage ? ' order-card-below' : ''}`} data-testid="search-hit">
      <div className="order-card-head">
        <Link to={`/orders/${h.id}`} className="order-card-title">
          {h.title}
        </Link>
        <span className="hit-price">{t('orders.perPiece', { price: formatFen(h.unit_price) })}</span>
      </div>
      <div className="hit-company wrap-row">
        <span>{h.company_name}</span>
        {h.company_verified && (
          <span className="tag tag-green">
            <CheckCircleFilled /> {t('badge.verified')}
          </span>
        )}
        <span className="tag tag-orange">{craftName(h, lang)}</span>
        <CompanyScore hit={h} />
      </div>
      <div className="order-card-facts wrap-row wrap-row-wide">
        <span>{t('search.left', { n: h.remaining_quantity.toLocaleString() })}</span>
        {/* The minimum cannot exceed what is left: the tail of a split order can be taken whole. */}
        <span>{t('search.minBid', { n: Math.min(h.min_bid_quantity, h.remaining_quantity).toLocaleString() })}</span>
        <span>{t('search.closes', { date: formatDate(lang, h.bidding_deadline) })}</span>
        <span className="hit-deposit">{deposit}</span>
      </div>
      <div className="hit-foot">
        <span className="muted">
          <EnvironmentOutlined /> {h.region_name}
          {h.distance_km != null && ` · ${t('search.distance', { km: h.distance_km.toFixed(1) })}`}
        </span>
        {h.below_minimum_wage && (
          <strong className="danger-text">
            <WarningFilled /> {t('orders.belowMinWage')}
          </strong>
        )}
      </div>
    </article>
  );
}
