import { useMemo, useState } from 'react';
import { Alert, Col, Row, Select, Space, Typography } from 'antd';
import { useT } from '../../i18n';
import { usePlatformImpact, usePublicImpact } from '../../api/workshopOps';
import { useCraftNames } from '../../components/CraftSelect';
import { BlockLoading, LoadError } from '../../components/PageState';
import { formatFen } from '../../lib/money';
import type { PlatformImpact, PublicImpact as Impact } from '../../api/types';
import { ChartCard, Kpis, monthOption } from './impactParts';
import { ChangeList, PeriodTable, chartGroups } from './impactPeriods';

/** /impact — platform figures anyone may see: closed months, k-anonymous. */
export default function PublicImpact() {
  const q = usePublicImpact();
  if (q.isPending) return <BlockLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return <ImpactPage v={q.data} />;
}

/** /staff/impact — the same figures with each month per workshop. */
export function StaffImpact() {
  const q = usePlatformImpact();
  if (q.isPending) return <BlockLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return <ImpactPage v={q.data} staff />;
}

function ImpactPage({ v, staff }: { v: Impact | PlatformImpact; staff?: boolean }) {
  const t = useT();
  const craftName = useCraftNames();
  const chart = useMemo(() => monthOption(chartGroups(v.periods), t), [v, t]);
  const latest = [...v.periods].reverse().find((p) => p.total.value);
  const [picked, setPicked] = useState<string>();
  const month = v.periods.find((p) => p.month === picked) ?? latest ?? v.periods[v.periods.length - 1];
  const workshops = 'by_workshop' in v ? v.by_workshop.find((w) => w.month === month?.month)?.workshops : undefined;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={1} className="page-title" style={{ margin: 0 }}>
        {staff ? t('impact.staffTitle') : t('impact.publicTitle')}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t('impact.publicNote', { k: v.k })} {v.through && t('impact.through', { month: v.through })}
      </Typography.Text>
      {v.suppressed || !latest || !month ? (
        <Alert type="info" showIcon message={t('impact.publicSuppressed', { k: v.k })} />
      ) : (
        <>
          <Kpis
            items={[
              {
                label: t('impact.incomePublished'),
                value: formatFen(v.totals.income),
                note: t('impact.monthsNote', { n: v.totals.months, m: v.totals.hidden_months }),
              },
              { label: t('impact.avg'), value: formatFen(v.totals.avg_monthly_income), note: t('impact.avgNote') },
              { label: t('impact.latestEarners', { month: latest.month }), value: latest.total.value?.residents ?? 0 },
              { label: t('impact.latestWorkshops', { month: latest.month }), value: latest.workshops ?? 0 },
            ]}
          />
          <ChartCard title={t('impact.byMonth')} option={chart} testId="impact-chart" />
          <PeriodTable periods={v.periods} k={v.k} />
          <Space wrap>
            <Typography.Text strong>{t('impact.details')}</Typography.Text>
            <Select
              aria-label={t('impact.pickMonth')}
              value={month.month}
              onChange={setPicked}
              style={{ minWidth: 120 }}
              options={[...v.periods].reverse().map((p) => ({ value: p.month, label: p.month }))}
              data-testid="impact-month"
            />
          </Space>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12}>
              <ChangeList title={t('impact.byCraft')} items={month.by_craft} name={craftName} k={v.k} />
            </Col>
            <Col xs={24} md={12}>
              <ChangeList title={t('impact.byGroup')} items={month.by_group} name={(k) => t(`tag.${k}` as 'tag.elderly')} k={v.k} />
            </Col>
            {workshops && (
              <Col xs={24}>
                <ChangeList title={t('impact.byWorkshop')} items={workshops} name={(k) => k} k={v.k} />
              </Col>
            )}
          </Row>
        </>
      )}
    </Space>
  );
}
