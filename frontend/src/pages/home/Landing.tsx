import { useNavigate } from 'react-router';
import { Alert, Button, Card, Col, Row, Space, Typography } from 'antd';
import { CheckCircleTwoTone, SafetyOutlined, SearchOutlined, ShopOutlined, TeamOutlined } from '@ant-design/icons';
import { useT, type MessageKey } from '../../i18n';
import { useMe } from '../../auth/useMe';
import { homeFor } from '../../lib/home';
import { BRAND } from '../../theme';
import StatsPanel from './StatsPanel';

function Points({ keys }: { keys: MessageKey[] }) {
  const t = useT();
  return (
    <ul className="points">
      {keys.map((k) => (
        <li key={k}>
          <CheckCircleTwoTone twoToneColor={BRAND} aria-hidden /> {t(k)}
        </li>
      ))}
    </ul>
  );
}

export default function Landing() {
  const t = useT();
  const navigate = useNavigate();
  const me = useMe().data;

  return (
    <>
      <section className="hero">
        <Typography.Title level={1}>{t('landing.heroTitle')}</Typography.Title>
        <p>{t('landing.heroText')}</p>
        <Space wrap size={12}>
          <Button size="large" icon={<SearchOutlined />} onClick={() => navigate('/search')}>
            {t('landing.ctaSearch')}
          </Button>
          {me ? (
            <Button type="primary" size="large" onClick={() => navigate(homeFor(me))}>
              {t('landing.ctaOrg')}
            </Button>
          ) : (
            <>
              <Button type="primary" size="large" onClick={() => navigate('/register')}>
                {t('landing.ctaRegister')}
              </Button>
              <Button size="large" onClick={() => navigate('/login')}>
                {t('landing.ctaLogin')}
              </Button>
            </>
          )}
        </Space>
      </section>

      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card
            className="audience-card"
            title={
              <span>
                <ShopOutlined /> {t('landing.forCompanies')}
              </span>
            }
          >
            <Points keys={['landing.c1', 'landing.c2', 'landing.c3', 'landing.c4']} />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card
            className="audience-card"
            title={
              <span>
                <TeamOutlined /> {t('landing.forWorkshops')}
              </span>
            }
          >
            <Points keys={['landing.w1', 'landing.w2', 'landing.w3', 'landing.w4']} />
          </Card>
        </Col>
      </Row>

      <Alert
        style={{ margin: '16px 0' }}
        type="warning"
        showIcon
        icon={<SafetyOutlined />}
        message={<strong>{t('landing.safetyTitle')}</strong>}
        description={t('landing.safetyText')}
      />

      <StatsPanel />
    </>
  );
}
