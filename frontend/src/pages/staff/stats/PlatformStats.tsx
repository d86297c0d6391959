import { Suspense, lazy, useMemo } from 'react';
import { Link } from 'react-router';
import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { usePlatformStats, type MonthVolume, type PlatformStats as Stats } from '../../../api/settlement';
import { useLang, useT, type TFunction } from '../../../i18n';
import type { Lang } from '../../../prefs/store';
import { formatFen } from '../../../lib/money';
import { LoadError, PageSkeleton } from '../../../components/PageState';
import './stats.css';
import '../../../i18n/lifecycle';

// ECharts loads only with the chart (the dashboards' shared chunk).
const Chart = lazy(() => import('../../ops/Chart'));

/** /staff/stats — money held now, released this month, commission, open
 *  disputes and the queues, with the monthly volume as a chart. */
export default function PlatformStats() {
  const t = useT();
  const stats = usePlatformStats();
  return (
    <div className="platform-stats">
      <Typography.Title level={1} className="page-title">
        {t('set.stats.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('set.stats.intro')}</Typography.Paragraph>
      {stats.isPending ? <PageSkeleton /> : stats.isError ? <LoadError error={stats.error} onRetry={() => void stats.refetch()} /> : <StatsView s={stats.data} />}
    </div>
  );
}

function Figure({ label, value, note, testId, to }: { label: string; value: string | number; note?: string; testId: string; to?: string }) {
  const body = (
    <Card size="small" className="ps-card" data-testid={testId} hoverable={!!to}>
      <Statistic title={label} value={value} />
      {note && <div className="terms-note">{note}</div>}
    </Card>
  );
  return (
    <Col xs={12} md={8} lg={6}>
      {to ? <Link to={to}>{body}</Link> : body}
    </Col>
  );
}

function StatsView({ s }: { s: Stats }) {
  const t = useT();
  const lang = useLang();
  const option = useMemo(() => volumeOption(s.monthly, t, lang), [s.monthly, t, lang]);
  return (
    <div className="ps-body">
      <section aria-labelledby="ps-held">
        <h2 id="ps-held" className="ps-h">
          {t('set.stats.heldNow')}
        </h2>
        <Row gutter={[12, 12]}>
          <Figure testId="ps-escrow" label={t('set.stats.escrow')} value={formatFen(s.escrow_held)} note={t('set.stats.escrowNote')} />
          <Figure testId="ps-deposits" label={t('set.stats.deposits')} value={formatFen(s.deposits_held)} note={t('set.stats.depositsNote')} />
          <Figure testId="ps-payouts-owed" label={t('set.stats.payoutsOwed')} value={formatFen(s.payouts_owed)} />
          <Figure testId="ps-refunds-owed" label={t('set.stats.refundsOwed')} value={formatFen(s.refunds_owed)} />
        </Row>
      </section>
      <section aria-labelledby="ps-flow">
        <h2 id="ps-flow" className="ps-h">
          {t('set.stats.flow')}
        </h2>
        <Row gutter={[12, 12]}>
          <Figure testId="ps-released" label={t('set.stats.releasedThisMonth')} value={formatFen(s.released_this_month)} />
          <Figure testId="ps-commission" label={t('set.stats.commission')} value={formatFen(s.commission_earned)} note={t('set.stats.commissionNote')} />
          <Figure testId="ps-disputes" label={t('set.stats.disputesOpen')} value={s.disputes_open} to="/staff/disputes" />
          <Figure testId="ps-contracts-open" label={t('set.stats.contractsOpen')} value={s.contracts_open} />
          <Figure testId="ps-contracts-settled" label={t('set.stats.contractsSettled')} value={s.contracts_settled} />
          <Figure testId="ps-transfers" label={t('set.stats.transfersToMatch')} value={s.transfers_to_match} to="/finance" />
          <Figure testId="ps-disbursements" label={t('set.stats.disbursementsToSend')} value={s.disbursements_to_send} to="/finance" />
        </Row>
      </section>
      <Card size="small" title={t('set.stats.chartTitle')} className="ps-chart-card">
        <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 300 }} />}>
          <Chart option={option} height={300} testId="volume-chart" />
        </Suspense>
        <table className="sr-only" data-testid="volume-table">
          <caption>{t('set.stats.chartTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('set.stats.month')}</th>
              <th scope="col">{t('set.stats.funded')}</th>
              <th scope="col">{t('set.stats.released')}</th>
              <th scope="col">{t('set.stats.commissionShort')}</th>
              <th scope="col">{t('set.stats.refunded')}</th>
            </tr>
          </thead>
          <tbody>
            {s.monthly.map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.month}</th>
                <td>{formatFen(m.funded)}</td>
                <td>{formatFen(m.released)}</td>
                <td>{formatFen(m.commission)}</td>
                <td>{formatFen(m.refunded)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}

/** Compact yuan for an axis: ¥1.2万 / ¥12K. */
function axisYuan(fen: number, lang: Lang): string {
  return `¥${new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { notation: 'compact', maximumFractionDigits: 1 }).format(fen / 100)}`;
}

/** "2026-03" → "3月" / "Mar"; January shows its year, so the axis reads across a new year. */
export function monthLabel(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  const name = lang === 'zh' ? `${m}月` : new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  return m === 1 ? `${name}\n${y}` : name;
}

/** Money paid in, released and refunded per month (bars), commission (line); amounts in fen. */
export function volumeOption(months: MonthVolume[], t: TFunction, lang: Lang): EChartsCoreOption {
  const series = [
    { key: 'funded', name: t('set.stats.funded'), color: '#1677ff' },
    { key: 'released', name: t('set.stats.released'), color: '#d46b08' },
    { key: 'refunded', name: t('set.stats.refunded'), color: '#8c8c8c' },
  ] as const;
  const commission = t('set.stats.commissionShort');
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number | null) => (v == null ? '—' : formatFen(v)),
    },
    legend: { data: [...series.map((s) => s.name), commission], bottom: 0, itemWidth: 14, textStyle: { fontSize: 12 } },
    grid: { left: 8, right: 8, top: 16, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.month), axisLabel: { fontSize: 11, formatter: (m: string) => monthLabel(m, lang) } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => axisYuan(v, lang), fontSize: 11 } },
    series: [
      ...series.map((s) => ({ name: s.name, type: 'bar', data: months.map((m) => m[s.key]), itemStyle: { color: s.color }, barMaxWidth: 18 })),
      { name: commission, type: 'line', data: months.map((m) => m.commission), itemStyle: { color: '#389e0d' }, smooth: true },
    ],
  };
}
