import { Card, Col, Form, Input, InputNumber, Row } from 'antd';
import { useOrdersT } from '../../../i18n/orders';
import { required, requiredNumber } from '../../../lib/rules';
import { termRules } from './termRules';

/** The quality terms: criteria, the defect rate allowed, inspection days and rework rounds. */
export default function QualityCard() {
  const t = useOrdersT();
  const { percent } = termRules(t);
  return (
    <Card title={t('form.section.quality')} className="form-section">
      <Form.Item
        label={t('field.criteria')}
        name={['quality', 'criteria']}
        rules={[required(t, 'field.criteria'), { min: 5, max: 2000, message: t('val.criteriaLength') }]}
        extra={t('hint.criteria')}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item label={t('field.maxDefect')} name={['quality', 'max_defect_bp']} rules={[percent(10000, false)]}>
            <Input suffix="%" inputMode="decimal" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item label={t('field.inspectionDays')} name={['quality', 'inspection_days']} rules={[requiredNumber(t, 'field.inspectionDays')]}>
            <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item label={t('field.reworkRounds')} name={['quality', 'rework_rounds']} rules={[requiredNumber(t, 'field.reworkRounds')]}>
            <InputNumber min={0} max={3} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
