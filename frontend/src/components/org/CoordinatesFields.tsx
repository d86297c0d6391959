import { useState } from 'react';
import { Alert, Button, Col, Form, InputNumber, Row } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import type { NamePath } from 'antd/es/form/interface';
import { useT, type MessageKey } from '../../i18n';
import { requiredNumber } from '../../lib/rules';

/** Latitude/longitude typed by hand or filled from navigator.geolocation. */
export default function CoordinatesFields({ prefix }: { prefix: string[] }) {
  const t = useT();
  const form = Form.useFormInstance();
  const [locating, setLocating] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; key: MessageKey } | null>(null);
  const lat: NamePath = [...prefix, 'lat'];
  const lng: NamePath = [...prefix, 'lng'];

  const locate = () => {
    if (!('geolocation' in navigator) || !window.isSecureContext) {
      setStatus({ ok: false, key: 'register.geo.unsupported' });
      return;
    }
    setLocating(true);
    setStatus(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        const round = (n: number) => Math.round(n * 1e6) / 1e6;
        form.setFields([
          { name: lat, value: round(pos.coords.latitude), errors: [] },
          { name: lng, value: round(pos.coords.longitude), errors: [] },
        ]);
        setStatus({ ok: true, key: 'register.geo.ok' });
      },
      (err) => {
        setLocating(false);
        const key: MessageKey =
          err.code === err.PERMISSION_DENIED
            ? 'register.geo.denied'
            : err.code === err.TIMEOUT
              ? 'register.geo.timeout'
              : 'register.geo.unavailable';
        setStatus({ ok: false, key });
      },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  };

  return (
    <>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('field.lat')}
            name={lat}
            rules={[requiredNumber(t, 'field.lat'), { type: 'number', min: -90, max: 90, message: t('val.lat') }]}
          >
            <InputNumber style={{ width: '100%' }} step={0.000001} precision={6} inputMode="decimal" placeholder={t('hint.latExample')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('field.lng')}
            name={lng}
            rules={[requiredNumber(t, 'field.lng'), { type: 'number', min: -180, max: 180, message: t('val.lng') }]}
          >
            <InputNumber style={{ width: '100%' }} step={0.000001} precision={6} inputMode="decimal" placeholder={t('hint.lngExample')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item extra={t('hint.coords')}>
        <Button icon={<AimOutlined />} onClick={locate} loading={locating}>
          {locating ? t('register.locating') : t('register.useLocation')}
        </Button>
      </Form.Item>
      {status && (
        <Alert
          type={status.ok ? 'success' : 'warning'}
          showIcon
          message={t(status.key)}
          role={status.ok ? 'status' : 'alert'}
          style={{ marginBottom: 16 }}
        />
      )}
    </>
  );
}
