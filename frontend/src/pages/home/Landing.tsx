import { useNavigate } from 'react-router';
import { Button, Space } from 'antd';
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
        <h1>{t('landing.heroTitle')}</h1>
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

      {/* Plain markup, not antd Card/Alert/Typography: this page is the first
          a newcomer loads, on a phone, and those pull in tabs, inputs and tooltips. */}
      <div className="cols cols-md-2">
        <div>
          <section className="panel audience-card" aria-labelledby="for-companies">
            <h2 id="for-companies">
              <ShopOutlined /> {t('landing.forCompanies')}
            </h2>
            <Points keys={['landing.c1', 'landing.c2', 'landing.c3', 'landing.c4']} />
          </section>
        </div>
        <div>
          <section className="panel audience-card" aria-labelledby="for-workshops">
            <h2 id="for-workshops">
              <TeamOutlined /> {t('landing.forWorkshops')}
            </h2>
            <Points keys={['landing.w1', 'landing.w2', 'landing.w3', 'landing.w4']} />
          </section>
        </div>
      </div>

      <aside className="safety-note" role="note">
        <SafetyOutlined aria-hidden className="safety-note-icon" />
        <div>
          <strong>{t('landing.safetyTitle')}</strong>
          <p>{t('landing.safetyText')}</p>
        </div>
      </aside>

      <StatsPanel />
    </>
  );
}
