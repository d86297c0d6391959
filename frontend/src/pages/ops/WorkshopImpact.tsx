import { useMemo } from 'react';
import { Col, Row, Space, Typography } from 'antd';
import { useT } from '../../i18n';
import { useMe } from '../../auth/useMe';
import { useWorkshopImpact } from '../../api/workshopOps';
import { useCraftNames } from '../../components/CraftSelect';
import { BlockLoading, LoadError } from '../../components/PageState';
import { formatFen } from '../../lib/money';
import Forbidden from '../errors/Forbidden';
import { ChartCard, GroupList, Kpis, monthOption, pieOption } from './impactParts';

/** /workshop/impact — the workshop's own dashboard. */
export default function WorkshopImpact() {
  const t = useT();
  const me = useMe().data;
  const impact = useWorkshopImpact(me?.org?.kind === 'workshop' ? me.org.id : undefined);
  const craftName = useCraftNames();
  const month = useMemo(() => monthOption(impact.data?.by_month ?? [], t), [impact.data, t]);
  const crafts = useMemo(() => pieOption(impact.data?.by_craft ?? [], craftName), [impact.data, craftName]);
  if (me?.org?.kind !== 'workshop') return <Forbidden />;
  if (impact.isPending) return <BlockLoading />;
  if (impact.isError) return <LoadError error={impact.error} onRetry={() => void impact.refetch()} />;
  const v = impact.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={1} className="page-title" style={{ margin: 0 }}>
        {t('impact.title')}
      </Typography.Title>
      <Kpis
        items={[
          { label: t('impact.active'), value: v.active_residents },
          { label: t('impact.pieces'), value: v.pieces_recorded.toLocaleString() },
          { label: t('impact.income'), value: formatFen(v.income_paid) },
          { label: t('impact.avg'), value: formatFen(v.avg_monthly_income), note: t('impact.avgNote') },
        ]}
      />
      <ChartCard title={t('impact.byMonth')} option={month} testId="impact-chart" />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <ChartCard title={t('impact.byCraft')} option={crafts} />
        </Col>
        <Col xs={24} md={12}>
          <GroupList title={t('impact.byGroup')} groups={v.by_group} name={(k) => t(`tag.${k}` as 'tag.elderly')} />
        </Col>
      </Row>
    </Space>
  );
}
