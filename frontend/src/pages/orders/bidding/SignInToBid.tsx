import { useLocation, useNavigate } from 'react-router';
import { Button } from 'antd';
import { LoginOutlined } from '@ant-design/icons';
import { useOrdersT } from '../../../i18n/orders';
import { Panel } from '../../../components/lite';

/** A visitor's bid panel: the order is public, bidding needs an account. Its
 *  own module so the public order page loads none of the bid form's code. */
export default function SignInToBid() {
  const t = useOrdersT();
  const loc = useLocation();
  const navigate = useNavigate();
  return (
    <Panel title={t('bid.formTitle')} className="bid-panel" id="bid-panel">
      <p>{t('bid.signInText')}</p>
      <Button type="primary" icon={<LoginOutlined />} onClick={() => navigate(`/login?next=${encodeURIComponent(loc.pathname)}`)}>
        {t('bid.signIn')}
      </Button>
    </Panel>
  );
}
