import { useNavigate } from 'react-router';
import { Button, Card, Col, Row, Typography } from 'antd';
import { useMessage } from '../../components/feedback';
import { LogoutOutlined } from '@ant-design/icons';
import { formatDate, useLang, useT } from '../../i18n';
import { useMe } from '../../auth/useMe';
import { useLogout } from '../../api/auth';
import { errorText } from '../../lib/errors';
import ProfileForm from './ProfileForm';
import PasswordForm from './PasswordForm';

export default function Account() {
  const t = useT();
  const lang = useLang();
  const me = useMe().data!; // RequireAuth guarantees a user
  const logout = useLogout();
  const navigate = useNavigate();
  const message = useMessage();

  const doLogout = () =>
    logout.mutate(undefined, {
      onSuccess: () => {
        message.success(t('account.loggedOut'));
        navigate('/');
      },
      onError: (err) => message.error(errorText(err, t)),
    });

  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t('account.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {me.user.email} · {t('account.memberSince', { date: formatDate(lang, me.user.created_at) })}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card title={t('account.profile')}>
            <ProfileForm user={me.user} />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('account.changePassword')}>
            <PasswordForm />
          </Card>
        </Col>
      </Row>
      <Button danger icon={<LogoutOutlined />} onClick={doLogout} loading={logout.isPending} style={{ marginTop: 24 }}>
        {t('account.logout')}
      </Button>
    </>
  );
}
