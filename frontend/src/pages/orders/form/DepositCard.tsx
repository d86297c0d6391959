import { Alert, Card, Form, Input, Radio, Switch } from 'antd';
import { useOrdersT } from '../../../i18n/orders';
import { DEPOSIT_KINDS, type DepositKind, type MaterialSupply } from '../../../api/types';
import { chosen } from '../../../lib/rules';
import { termRules } from './termRules';

/** The deposit terms: none when the workshop sources its own materials. */
export default function DepositCard({ kind, supply }: { kind: DepositKind; supply?: MaterialSupply }) {
  const t = useOrdersT();
  const { yuan, percent } = termRules(t);
  return (
    <Card title={t('form.section.deposit')} className="form-section">
      <Alert type="info" showIcon message={t('deposit.explain')} style={{ marginBottom: 16 }} />
      <Form.Item
        label={t('field.depositKind')}
        name={['deposit', 'kind']}
        rules={[chosen(t, 'field.depositKind')]}
        extra={supply === 'workshop_sources' ? t('hint.depositSources') : undefined}
      >
        {/* a radiogroup may say it is required (axe: aria-allowed-attr on a bare div) */}
        <Radio.Group className="radio-stack" {...{ role: 'radiogroup' }}>
          {DEPOSIT_KINDS.map((k) => (
            <Radio key={k} value={k} disabled={k !== 'none' && supply === 'workshop_sources'}>
              {t(`deposit.${k}` as const)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      {(kind === 'fixed' || kind === 'per_unit') && (
        <Form.Item
          label={t(kind === 'fixed' ? 'field.depositFixed' : 'field.depositPerUnit')}
          name={['deposit', 'amount']}
          required
          rules={[yuan()]}
          extra={t('hint.yuan')}
        >
          <Input prefix="¥" inputMode="decimal" autoComplete="off" />
        </Form.Item>
      )}
      {kind === 'percent_of_material' && (
        <Form.Item label={t('field.depositRate')} name={['deposit', 'rate_bp']} required rules={[percent(10000)]}>
          <Input suffix="%" inputMode="decimal" autoComplete="off" />
        </Form.Item>
      )}
      {kind !== 'none' && (
        <Form.Item label={t('field.waivable')} name={['deposit', 'waivable']} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </Card>
  );
}
