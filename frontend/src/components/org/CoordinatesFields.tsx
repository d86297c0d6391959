import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Col, Form, InputNumber, Row, Skeleton } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import type { NamePath } from 'antd/es/form/interface';
import { useT, type MessageKey } from '../../i18n';
import { requiredNumber } from '../../lib/rules';
import { useMapConfig, useRegionCentre } from '../../api/meta';

// Leaflet loads with the first form that shows a map.
const MapPicker = lazy(() => import('./MapPicker'));

/** A point on a map: it opens on the chosen district's centre (and takes it
 *  as a first guess), a click or a drag of the pin moves it, "use my current
 *  location" asks the browser; typing coordinates is the fallback. */
export default function CoordinatesFields({ prefix }: { prefix: string[] }) {
  const t = useT();
  const form = Form.useFormInstance();
  const [locating, setLocating] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; key: MessageKey } | null>(null);
  const key = prefix.join('.');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const lat: NamePath = useMemo(() => [...prefix, 'lat'], [key]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const lng: NamePath = useMemo(() => [...prefix, 'lng'], [key]);
  const latV = Form.useWatch(lat, form) as number | null | undefined;
  const lngV = Form.useWatch(lng, form) as number | null | undefined;
  const region = Form.useWatch([...prefix, 'region_code'], form) as string | undefined;
  const tiles = useMapConfig();
  const center = useRegionCentre(region);
  const point = typeof latV === 'number' && typeof lngV === 'number' ? { lat: latV, lng: lngV } : undefined;

  const setPoint = (p: { lat: number; lng: number }) =>
    form.setFields([
      { name: lat, value: p.lat, errors: [] },
      { name: lng, value: p.lng, errors: [] },
    ]);
  // A newly chosen district with no point yet: start from its centre (the
  // form's store is outside React, so this is an effect, not render logic).
  const lastRegion = useRef(region);
  const hasPoint = !!point;
  useEffect(() => {
    if (region === lastRegion.current) return;
    if (region && !center) return; // its centre is still loading (the province's part of the region tree)
    lastRegion.current = region;
    if (center && !hasPoint) {
      form.setFields([
        { name: lat, value: center.lat, errors: [] },
        { name: lng, value: center.lng, errors: [] },
      ]);
    }
  }, [region, center, hasPoint, form, lat, lng]);
  const atCentre = !!point && !!center && point.lat === center.lat && point.lng === center.lng;

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
      <Form.Item label={t('map.label')} extra={t('map.hint')}>
        {tiles.data ? (
          <Suspense fallback={<Skeleton.Node active className="map-picker" />}>
            <MapPicker
              point={point}
              center={center}
              tileUrl={tiles.data.tile_url}
              attribution={tiles.data.attribution}
              label={t('map.label')}
              onPick={(p) => {
                setPoint(p);
                setStatus(null);
              }}
            />
          </Suspense>
        ) : (
          <Skeleton.Node active className="map-picker" />
        )}
      </Form.Item>
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
      <Form.Item>
        <Button icon={<AimOutlined />} onClick={locate} loading={locating}>
          {locating ? t('register.locating') : t('register.useLocation')}
        </Button>
      </Form.Item>
      {atCentre && !status && <Alert type="info" showIcon message={t('map.centred')} style={{ marginBottom: 16 }} />}
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
