import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useMessage } from '../../components/feedback';
import { useT } from '../../i18n';
import { useInvitation } from '../../api/meta';
import { useAcceptInvitation } from '../../api/auth';
import { isApiError } from '../../api/client';
import { applyFormError } from '../../lib/errors';
import { BlockLoading, LoadError } from '../../components/PageState';
import FormAlert from '../../components/FormAlert';
import AccountFields from './AccountFields';

interface Values {
  name: string;
  phone: string;
  password: string;
}

export default function AcceptInvite() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const message = useMessage();
  const invitation = useInvitation(token);
  const accept = useAcceptInvitation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);

  const body = () => {
    if (!token || isApiError(invitation.error, 'not_found')) {
      return <Alert type="warning" showIcon message={t('invite.invalid')} />;
    }
    if (invitation.isPending) return <BlockLoading />;
    if (invitation.isError) return <LoadError error={invitation.error} onRetry={() => void invitation.refetch()} />;
    const inv = invitation.data;
    const onFinish = (v: Values) => {
      setError(null);
      accept.mutate(
        { token, name: v.name.trim(), phone: (v.phone ?? '').trim(), password: v.password },
        {
          onSuccess: (res) => {
            message.success(t('invite.done', { org: res.org?.name ?? inv.org_name }));
            navigate('/org', { replace: true });
          },
          onError: (err) => setError(applyFormError(form, err, t)),
        },
      );
    };
    return (
      <>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={<strong className="invite-org">{inv.org_name}</strong>}
          description={t('invite.intro', { org: inv.org_name, role: t(`role.${inv.role}` as const) })}
        />
        <FormAlert message={error} />
        <Form form={form} aria-label={t('invite.title')} layout="vertical" onFinish={onFinish} name="invite" requiredMark={false}>
          <Form.Item label={t('field.email')} htmlFor="invite-email">
            <Input id="invite-email" value={inv.email} disabled />
          </Form.Item>
          <AccountFields withEmail={false} />
          <Button type="primary" htmlType="submit" block loading={accept.isPending}>
            {t('invite.submit')}
          </Button>
        </Form>
      </>
    );
  };

  return (
    <div className="narrow">
      <Card>
        <Typography.Title level={1} className="page-title">
          {t('invite.title')}
        </Typography.Title>
        {body()}
      </Card>
    </div>
  );
}
