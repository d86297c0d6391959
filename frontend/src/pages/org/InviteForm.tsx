import { useState } from 'react';
import { Alert, Button, Col, Form, Input, Row, Select, Typography } from 'antd';
import { formatDate, useLang, useT } from '../../i18n';
import { useInvite } from '../../api/orgs';
import type { InvitationRequest } from '../../api/types';
import { applyFormError } from '../../lib/errors';
import { emailRules } from '../../lib/rules';
import FormAlert from '../../components/FormAlert';

export default function InviteForm({ orgId }: { orgId: string }) {
  const t = useT();
  const lang = useLang();
  const [form] = Form.useForm<InvitationRequest>();
  const invite = useInvite(orgId);
  const [error, setError] = useState<string | null>(null);

  const onFinish = (v: InvitationRequest) => {
    setError(null);
    invite.mutate(
      { email: v.email.trim(), role: v.role },
      { onSuccess: () => form.resetFields(), onError: (err) => setError(applyFormError(form, err, t)) },
    );
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('org.inviteHelp')}</Typography.Paragraph>
      {invite.isSuccess && (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          message={t('org.inviteSent', { email: invite.data.email, date: formatDate(lang, invite.data.expires_at, true) })}
        />
      )}
      <FormAlert message={error} />
      <Form form={form} aria-label={t('org.invite')} layout="vertical" name="invite-member" initialValues={{ role: 'member' }} onFinish={onFinish}>
        <Row gutter={12}>
          <Col xs={24} sm={14}>
            <Form.Item label={t('field.email')} name="email" rules={emailRules(t)}>
              <Input type="email" autoComplete="off" inputMode="email" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item label={t('field.role')} name="role">
              <Select
                options={[
                  { value: 'member', label: t('role.member') },
                  { value: 'owner', label: t('role.owner') },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={invite.isPending}>
          {t('org.inviteSend')}
        </Button>
      </Form>
    </>
  );
}
