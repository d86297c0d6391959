import { Link, useParams } from 'react-router';
import { Card, Col, Empty, Row, Space, Statistic, Tag, Typography } from 'antd';
import { CalendarOutlined, EnvironmentOutlined, HomeOutlined } from '@ant-design/icons';
import { formatDate, useLang, useT } from '../../i18n';
import { useProfile } from '../../api/profiles';
import { isApiError } from '../../api/client';
import type { CompanyRecord, OrderView, Profile, TrackRecord } from '../../api/types';
import { formatFen } from '../../lib/money';
import { LoadError, PageSkeleton } from '../../components/PageState';
import ErrorResult from '../../components/ErrorResult';
import WorkshopBadges from '../../components/bids/WorkshopBadges';
import { useCraftNames } from '../../components/CraftSelect';
import { craftName } from '../../components/orders/terms';
import { CompanyScorecardCard, WorkshopScorecardCard } from '../../components/scorecards/Scorecards';

/** /profiles/:id — a public workshop or company profile with its record. */
export default function ProfilePage() {
  const t = useT();
  const { id } = useParams();
  const profile = useProfile(id);
  if (profile.isPending) return <PageSkeleton />;
  if (profile.isError) {
    if (isApiError(profile.error, 'not_found')) return <ErrorResult status={404} title={t('error.404.title')} text={t('profile.notFound')} />;
    return <LoadError error={profile.error} onRetry={() => void profile.refetch()} />;
  }
  return <ProfileView p={profile.data} />;
}

function ProfileView({ p }: { p: Profile }) {
  const t = useT();
  const lang = useLang();
  const craftName = useCraftNames();
  const workshop = p.kind === 'workshop';
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} className="profile-page">
      <div>
        <Space size={4} wrap style={{ marginBottom: 4 }}>
          <Tag color={workshop ? 'orange' : 'blue'}>{t(`kind.${p.kind}` as const)}</Tag>
          <WorkshopBadges w={p} showUnverified />
        </Space>
        <Typography.Title level={1} className="page-title" style={{ marginBottom: 4 }}>
          {p.name}
        </Typography.Title>
        <Space size={[16, 4]} wrap>
          <Typography.Text type="secondary">
            <EnvironmentOutlined /> {p.region_name}
          </Typography.Text>
          {p.host && (
            <Typography.Text type="secondary">
              <HomeOutlined /> {p.host}
            </Typography.Text>
          )}
          <Typography.Text type="secondary">
            <CalendarOutlined /> {t('profile.since', { date: formatDate(lang, p.created_at) })}
          </Typography.Text>
        </Space>
      </div>

      {workshop && (
        <Card size="small" title={t('profile.about')}>
          <Space direction="vertical" size={8} style={{ width: '100%' }}>
            {p.crafts && p.crafts.length > 0 && (
              <div>
                {p.crafts.map((c) => (
                  <Tag key={c} color="orange">
                    {craftName(c)}
                  </Tag>
                ))}
              </div>
            )}
            <div className="stat-row">
              <Statistic title={t('field.headcount')} value={p.headcount ?? 0} suffix={t('landing.stats.unit.people')} />
              <Statistic title={t('field.weeklyCapacity')} value={p.weekly_capacity ?? 0} />
            </div>
          </Space>
        </Card>
      )}

      {workshop && p.track_record && <WorkshopRecord r={p.track_record} />}
      {!workshop && p.company_record && <CompanyRecordCard r={p.company_record} />}
      {p.workshop_scorecard && <WorkshopScorecardCard s={p.workshop_scorecard} />}
      {p.company_scorecard && <CompanyScorecardCard s={p.company_scorecard} />}

      {!workshop && (
        <Card size="small" title={t('profile.openOrders')}>
          {(p.open_orders ?? []).length === 0 ? (
            <Empty description={t('profile.noOpenOrders')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Row gutter={[12, 12]}>
              {(p.open_orders ?? []).map((o) => (
                <Col xs={24} md={12} key={o.id}>
                  <OpenOrder o={o} lang={lang} />
                </Col>
              ))}
            </Row>
          )}
        </Card>
      )}
    </Space>
  );
}

function OpenOrder({ o, lang }: { o: OrderView; lang: 'zh' | 'en' }) {
  const t = useT();
  return (
    <Card size="small" className="order-card" data-testid="profile-order">
      <div className="order-card-head">
        <Link to={`/orders/${o.id}`} className="order-card-title">
          {o.title}
        </Link>
        <span className="hit-price">{t('orders.perPiece', { price: formatFen(o.unit_price) })}</span>
      </div>
      <Space size={[12, 4]} wrap className="order-card-facts">
        <Tag color="orange">{craftName(o, lang)}</Tag>
        <span>{t('search.left', { n: o.remaining_quantity.toLocaleString() })}</span>
        <span>{t('search.closes', { date: formatDate(lang, o.bidding_deadline) })}</span>
      </Space>
    </Card>
  );
}

// The rates (on time, acceptance, rejection) and settled contracts appear
// once, in the scorecard below with their formulas, under one name each;
// these cards add only what the scorecard does not show.
function WorkshopRecord({ r }: { r: TrackRecord }) {
  const t = useT();
  return (
    <Card size="small" title={t('profile.record')} data-testid="track-record-card">
      <div className="stat-row">
        <Statistic title={t('record.active')} value={r.active_contracts} />
        <Statistic title={t('record.disputes')} value={r.disputes} />
      </div>
      <Typography.Paragraph type="secondary" className="terms-note" style={{ marginBottom: 0 }}>
        {t('profile.recordNote')}
      </Typography.Paragraph>
    </Card>
  );
}

function CompanyRecordCard({ r }: { r: CompanyRecord }) {
  const t = useT();
  return (
    <Card size="small" title={t('profile.companyRecord')} data-testid="company-record-card">
      <div className="stat-row">
        <Statistic title={t('record.ordersPublished')} value={r.orders_published} />
        <Statistic title={t('record.contractsAwarded')} value={r.contracts_awarded} />
        <Statistic title={t('record.disputes')} value={r.disputes} />
      </div>
      <Typography.Paragraph type="secondary" className="terms-note" style={{ marginBottom: 0 }}>
        {t('profile.companyRecordNote')}
      </Typography.Paragraph>
    </Card>
  );
}
