import { Suspense, lazy } from 'react';
import { Card, Col, List, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useT, type TFunction } from '../../i18n';
import { fenToYuan, formatFen } from '../../lib/money';
import type { ImpactGroup } from '../../api/types';

// ECharts is loaded only when a dashboard shows a chart (its own chunk).
const Chart = lazy(() => import('./Chart'));

/** The headline figures of a dashboard. */
export function Kpis({ items }: { items: { label: string; value: string | number; note?: string }[] }) {
  return (
    <Row gutter={[12, 12]}>
      {items.map((k) => (
        <Col xs={12} md={6} key={k.label}>
          <Card size="small">
            <Statistic title={k.label} value={k.value} />
            {k.note && <div className="terms-note">{k.note}</div>}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** Income (bars) and pieces (line) by month; suppressed months show as gaps. */
export function monthOption(groups: ImpactGroup[], t: TFunction): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('impact.chartIncome'), t('impact.chartPieces')], bottom: 0 },
    grid: { left: 48, right: 48, top: 24, bottom: 48 },
    xAxis: { type: 'category', data: groups.map((g) => g.key) },
    yAxis: [{ type: 'value' }, { type: 'value', splitLine: { show: false } }],
    series: [
      { name: t('impact.chartIncome'), type: 'bar', data: groups.map((g) => (g.suppressed ? null : Number(fenToYuan(g.income)))), itemStyle: { color: '#d4380d' } },
      { name: t('impact.chartPieces'), type: 'line', yAxisIndex: 1, data: groups.map((g) => (g.suppressed ? null : g.pieces)), itemStyle: { color: '#389e0d' } },
    ],
  };
}

export function pieOption(groups: ImpactGroup[], name: (key: string) => string): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        data: groups.filter((g) => !g.suppressed).map((g) => ({ name: name(g.key), value: Number(fenToYuan(g.income)) })),
      },
    ],
  };
}

export function ChartCard({ title, option, testId }: { title: string; option: EChartsCoreOption; testId?: string }) {
  return (
    <Card size="small" title={title}>
      <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 280 }} />}>
        <Chart option={option} testId={testId} />
      </Suspense>
    </Card>
  );
}

/** Groups as a list: residents, pieces and income, or "fewer than 5" when suppressed. */
export function GroupList({ title, groups, name }: { title: string; groups: ImpactGroup[]; name: (key: string) => string }) {
  const t = useT();
  return (
    <Card size="small" title={title}>
      <List
        size="small"
        dataSource={groups}
        locale={{ emptyText: t('impact.none') }}
        renderItem={(g) => (
          <List.Item data-testid={`group-${g.key}`}>
            <Typography.Text>{name(g.key)}</Typography.Text>
            {g.suppressed ? (
              <Tag>{t('impact.suppressed')}</Tag>
            ) : (
              <span>
                {t('impact.residentsN', { n: g.residents })} · {g.pieces.toLocaleString()} · <strong>{formatFen(g.income)}</strong>
              </span>
            )}
          </List.Item>
        )}
      />
    </Card>
  );
}
