import { Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { useT } from '../../i18n';
import { usePublicStats } from '../../api/meta';
import { BlockLoading, LoadError } from '../../components/PageState';
import { BRAND } from '../../theme';

function VerifiedBar({ verified, total }: { verified: number; total: number }) {
  const t = useT();
  if (total === 0) return null;
  const pct = Math.round((verified / total) * 100);
  return (
    <div className="stat-bars">
      <Progress percent={pct} strokeColor={BRAND} size="small" aria-label={t('landing.stats.verifiedChart')} />
      <Typography.Text type="secondary">{t('landing.stats.verifiedOf', { v: verified, n: total })}</Typography.Text>
    </div>
  );
}

/** Real platform figures from /stats/public. */
export default function StatsPanel() {
  const t = useT();
  const stats = usePublicStats();
  return (
    <section aria-labelledby="stats-title">
      <Typography.Title level={3} id="stats-title">
        {t('landing.statsTitle')}
      </Typography.Title>
      {stats.isPending ? (
        <BlockLoading rows={3} />
      ) : stats.isError ? (
        <LoadError error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} sm={8}>
              <Card>
                <Statistic title={t('landing.stats.companies')} value={stats.data.companies} suffix={t('landing.stats.unit.org')} />
                <VerifiedBar verified={stats.data.verified_companies} total={stats.data.companies} />
              </Card>
            </Col>
            <Col xs={24} sm={8}>
              <Card>
                <Statistic title={t('landing.stats.workshops')} value={stats.data.workshops} suffix={t('landing.stats.unit.org')} />
                <VerifiedBar verified={stats.data.verified_workshops} total={stats.data.workshops} />
              </Card>
            </Col>
            <Col xs={24} sm={8}>
              <Card>
                <Statistic
                  title={t('landing.stats.residents')}
                  value={stats.data.residents_headcount}
                  suffix={t('landing.stats.unit.people')}
                />
              </Card>
            </Col>
          </Row>
          {stats.data.companies + stats.data.workshops === 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              {t('landing.stats.empty')}
            </Typography.Paragraph>
          )}
        </>
      )}
    </section>
  );
}
