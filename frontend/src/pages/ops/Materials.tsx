import { useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Statistic, Typography, message } from 'antd';
import FormSelect from '../../components/FormSelect';
import { useT } from '../../i18n';
import { useHandout } from '../../api/workshopOps';
import { applyFormError } from '../../lib/errors';
import type { HandoutInput, SheetView } from '../../api/types';

/** Material reconciliation and the hand-out form of a contract's sheet. */
export default function Materials({ v }: { v: SheetView }) {
  const t = useT();
  const [form] = Form.useForm<HandoutInput>();
  const handout = useHandout(v.contract.id);
  const [error, setError] = useState<string | null>(null);
  const m = v.totals;
  const submit = (h: HandoutInput) => {
    setError(null);
    handout.mutate(
      { resident_id: h.resident_id, taken: h.taken ?? 0, finished: h.finished ?? 0, returned: h.returned ?? 0, lost: h.lost ?? 0, note: h.note ?? '' },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('material.saved'));
        },
        onError: (e) => setError(applyFormError(form, e, t)),
      },
    );
  };
  const stat = (label: string, n: number) => (
    <Col xs={8} md={4}>
      <Statistic title={label} value={n} />
    </Col>
  );
  return (
    <Card size="small" title={t('material.title')}>
      <Row gutter={[8, 8]}>
        {stat(t('material.received'), m.received)}
        {stat(t('material.inStock'), m.in_stock)}
        {stat(t('material.withResidents'), m.with_resident)}
        {stat(t('material.finished'), m.finished)}
        {stat(t('material.returned'), m.returned)}
        {stat(t('material.lost'), m.lost)}
      </Row>
      {v.open && (
        <Alert style={{ marginTop: 8 }} type={m.difference === 0 ? 'success' : 'info'} showIcon message={t('material.difference', { n: m.difference })} data-testid="material-difference" />
      )}
      <Typography.Paragraph type="secondary" className="terms-note" style={{ marginTop: 8 }}>
        {t('material.receivedNote')}
      </Typography.Paragraph>
      {!v.locked && (
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Typography.Text strong>{t('material.record')}</Typography.Text>
          {error && <Alert type="error" showIcon message={error} style={{ margin: '8px 0' }} />}
          <Form.Item name="resident_id" label={t('material.resident')} rules={[{ required: true, message: t('material.resident') }]}>
            <FormSelect showSearch optionFilterProp="label" options={v.rows.map((r) => ({ value: r.resident_id, label: r.name }))} />
          </Form.Item>
          <Row gutter={8}>
            {(['taken', 'finished', 'returned', 'lost'] as const).map((k) => (
              <Col xs={12} md={6} key={k}>
                <Form.Item name={k} label={t(`material.${k}` as const)}>
                  <InputNumber min={0} precision={0} inputMode="numeric" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Form.Item name="note" label={t('material.note')}>
            <Input maxLength={500} />
          </Form.Item>
          <Button htmlType="submit" loading={handout.isPending}>
            {t('material.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
