import { Col, Form, Input, Row } from 'antd';
import { useT } from '../../i18n';
import { emailRules, newPasswordRules, required } from '../../lib/rules';

/** The person's own fields: name, phone, email, password (register + invite). */
export default function AccountFields({ withEmail = true }: { withEmail?: boolean }) {
  const t = useT();
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('field.name')} name="name" rules={[required(t, 'field.name')]}>
            <Input autoComplete="name" maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('field.phone')} name="phone" rules={[required(t, 'field.phone')]} extra={t('hint.phone')}>
            <Input type="tel" autoComplete="tel" inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
      {withEmail && (
        <Form.Item label={t('field.email')} name="email" rules={emailRules(t)}>
          <Input type="email" autoComplete="email" inputMode="email" />
        </Form.Item>
      )}
      <Form.Item label={t('field.password')} name="password" rules={newPasswordRules(t)} extra={t('hint.password')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
