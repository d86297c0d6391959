import { Col, Form, Input, InputNumber, Row } from 'antd';
import { useT } from '../../i18n';
import { chosen, creditCodeRules, required, requiredNumber } from '../../lib/rules';
import { normalizeCreditCode } from '../../lib/creditCode';
import RegionCascader from '../RegionCascader';
import CraftSelect from '../CraftSelect';
import CoordinatesFields from './CoordinatesFields';

// Organisation fields shared by registration (prefix ['org']) and the
// edit form (prefix []), so server errors like "org.name" / "name" land on
// the right field either way.

interface Props {
  prefix: string[];
  /** Editing an existing organisation: the credit code cannot change. */
  editing?: boolean;
}

function CommonFields({ prefix, nameLabel }: { prefix: string[]; nameLabel: 'field.companyName' | 'field.workshopName' }) {
  const t = useT();
  return (
    <>
      <Form.Item label={t(nameLabel)} name={[...prefix, 'name']} rules={[required(t, nameLabel), { max: 100 }]}>
        <Input autoComplete="organization" maxLength={100} />
      </Form.Item>
      <Form.Item label={t('field.region')} name={[...prefix, 'region_code']} rules={[chosen(t, 'field.region')]}>
        <RegionCascader />
      </Form.Item>
      <Form.Item label={t('field.address')} name={[...prefix, 'address']} rules={[required(t, 'field.address'), { max: 200 }]} extra={t('hint.address')}>
        <Input autoComplete="street-address" maxLength={200} />
      </Form.Item>
    </>
  );
}

export function CompanyFields({ prefix, editing }: Props) {
  const t = useT();
  return (
    <>
      <CommonFields prefix={prefix} nameLabel="field.companyName" />
      {!editing && (
        <Form.Item
          label={t('field.creditCode')}
          name={[...prefix, 'credit_code']}
          normalize={(v: string) => normalizeCreditCode(v ?? '')}
          validateTrigger={['onChange', 'onBlur']}
          rules={creditCodeRules(t)}
          extra={t('hint.creditCode')}
        >
          <Input count={{ show: true, max: 18 }} autoCapitalize="characters" spellCheck={false} autoComplete="off" />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('field.contactName')} name={[...prefix, 'contact_name']} rules={[required(t, 'field.contactName')]}>
            <Input autoComplete="name" maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('field.contactPhone')} name={[...prefix, 'contact_phone']} rules={[required(t, 'field.contactPhone')]}>
            <Input type="tel" autoComplete="tel" inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

export function WorkshopFields({ prefix }: Props) {
  const t = useT();
  return (
    <>
      <CommonFields prefix={prefix} nameLabel="field.workshopName" />
      <Form.Item label={t('field.host')} name={[...prefix, 'host']} rules={[required(t, 'field.host')]} extra={t('hint.host')}>
        <Input maxLength={100} />
      </Form.Item>
      <CoordinatesFields prefix={prefix} />
      <Form.Item
        label={t('field.crafts')}
        name={[...prefix, 'crafts']}
        rules={[{ required: true, type: 'array', min: 1, message: t('val.crafts') }]}
      >
        <CraftSelect />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('field.headcount')} name={[...prefix, 'headcount']} rules={[requiredNumber(t, 'field.headcount')]}>
            <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('field.weeklyCapacity')} name={[...prefix, 'weekly_capacity']} rules={[requiredNumber(t, 'field.weeklyCapacity')]}>
            <InputNumber min={1} max={10000000} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
