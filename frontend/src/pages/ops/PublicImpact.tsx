import { useMemo } from 'react';
import { Alert, Col, Row, Space, Typography } from 'antd';
import { useT } from '../../i18n';
import { usePlatformImpact, usePublicImpact } from '../../api/workshopOps';
import { useCraftNames } from '../../components/CraftSelect';
import { BlockLoading, LoadError } from '../../components/PageState';
import { formatFen } from '../../lib/money';
import type { PlatformImpact, PublicImpact as Impact } from '../../api/types';
import { ChartCard, GroupList, Kpis, monthOption } from './impactParts';

/** /impact — platform totals anyone may see (k-anonymous). */
export default function PublicImpact() {
  const q = usePublicImpact();
  if (q.isPending) return <BlockLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return <ImpactPage v={q.data} />;
}

/** /staff/impact — the same figures with the per-workshop breakdown. */
export function StaffImpact() {
  const q = usePlatformImpact();
  if (q.isPending) return <BlockLoading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return <ImpactPage v={q.data} staff />;
}

function ImpactPage({ v, staff }: { v: Impact | PlatformImpact; staff?: boolean }) {
  const t = useT();
  const craftName = useCraftNames();
  const month = useMemo(() => monthOption(v.by_month, t), [v, t]);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={2} className="page-title" style={{ margin: 0 }}>
        {staff ? t('impact.staffTitle') : t('impact.publicTitle')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('impact.publicNote')}</Typography.Text>
      {v.suppressed ? (
        <Alert type="info" showIcon message={t('impact.publicSuppressed')} />
      ) : (
        <>
          <Kpis
            items={[
              { label: t('impact.workshops'), value: v.workshops },
              { label: t('impact.active'), value: v.active_residents },
              { label: t('impact.income'), value: formatFen(v.income_paid) },
              { label: t('impact.avg'), value: formatFen(v.avg_monthly_income), note: t('impact.avgNote') },
            ]}
          />
          <ChartCard title={t('impact.byMonth')} option={month} testId="impact-chart" />
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12}>
              <GroupList title={t('impact.byCraft')} groups={v.by_craft} name={craftName} />
            </Col>
            <Col xs={24} md={12}>
              <GroupList title={t('impact.byGroup')} groups={v.by_group} name={(k) => t(`tag.${k}` as 'tag.elderly')} />
            </Col>
            {'by_workshop' in v && (
              <Col xs={24}>
                <GroupList title={t('impact.byWorkshop')} groups={v.by_workshop} name={(k) => k} />
              </Col>
            )}
          </Row>
        </>
      )}
    </Space>
  );
}
