import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Card, Col, DatePicker, Form, Grid, Input, InputNumber, Radio, Row, Select, Space, Typography, Modal } from 'antd';
import FormSelect from '../../components/FormSelect';
import { useMessage } from '../../components/feedback';
import dayjs from 'dayjs';
import { useLang } from '../../i18n';
import { useOrdersT, type OrdersKey } from '../../i18n/orders';
import { useCrafts } from '../../api/meta';
import { useCreateOrder, useOrderTransition, useUpdateOrder } from '../../api/orders';
import type { MaterialSupply, OrderDetail, OrderInput, OrderView } from '../../api/types';
import { applyFormError } from '../../lib/errors';
import { chosen, required, requiredNumber } from '../../lib/rules';
import { formatFen } from '../../lib/money';
import FormAlert from '../../components/FormAlert';
import RegionCascader from '../../components/RegionCascader';
import CoordinatesFields from '../../components/org/CoordinatesFields';
import OrderSummary from '../../components/orders/OrderSummary';
import { defaultOrderForm, orderPatch, orderToForm, previewTerms, toOrderInput, type OrderFormValues } from './orderForm';
import { termRules } from './form/termRules';
import DepositCard from './form/DepositCard';
import QualityCard from './form/QualityCard';
import SamplePhotosCard from './form/SamplePhotosCard';
import { previewProblems, useOrderPreview } from './useOrderPreview';

// antd's Radio.Group is a bare <div>: as a radiogroup it may say it is
// required (Form.Item's aria-required is not allowed on a div; axe:
// aria-allowed-attr). antd passes role through but does not type it.
const RADIOGROUP = { role: 'radiogroup' };

const SUPPLIES: MaterialSupply[] = ['company_ships', 'workshop_picks_up', 'workshop_sources'];
const DATE_FORMAT = 'YYYY-MM-DD HH:mm';

interface Props {
  /** The order being edited; absent when creating one. */
  order?: OrderDetail;
}

/** One form for creating and editing an order, with a live summary. */
export default function OrderForm({ order }: Props) {
  const t = useOrdersT();
  const lang = useLang();
  const phone = !Grid.useBreakpoint().lg;
  const navigate = useNavigate();
  const message = useMessage();
  const [modal, modalHolder] = Modal.useModal();
  const [form] = Form.useForm<OrderFormValues>();
  const crafts = useCrafts();
  const create = useCreateOrder();
  const update = useUpdateOrder(order?.id ?? '');
  const transition = useOrderTransition();
  const [error, setError] = useState<string | null>(null);
  const initial = useMemo(() => (order ? orderToForm(order) : defaultOrderForm), [order]);
  const [values, setValues] = useState<OrderFormValues>(initial);
  const body = useMemo(() => previewTerms(values), [values]);
  const preview = useOrderPreview(body);
  const pending = create.isPending || update.isPending || transition.isPending;

  const kind = values.deposit?.kind ?? 'none';
  const supply = values.materials?.supply;
  // A new order may always be sent for review; an existing one when the server says so.
  const canSubmit = !order || order.actions.submit.allowed;
  // Presentation: saving changes to a live (or suspended) order takes it back to review.
  const republish = order && (order.status === 'published' || order.status === 'suspended');

  const { yuan: yuanRule, percent: percentRule } = termRules(t);

  const onValuesChange = (changed: OrderFormValues, all: OrderFormValues) => {
    // Workshops that buy their own materials cannot be asked for a deposit.
    if (changed.materials?.supply === 'workshop_sources' && all.deposit?.kind !== 'none') {
      form.setFieldValue(['deposit', 'kind'], 'none');
    }
    setValues(form.getFieldsValue(true) as OrderFormValues);
  };

  const done = (o: OrderView, key: OrdersKey) => {
    message.success(t(key));
    navigate(`/orders/${o.id}`);
  };
  const fail = (err: unknown) => setError(applyFormError(form, err, t));

  const save = async (andSubmit: boolean) => {
    setError(null);
    let v: OrderFormValues;
    try {
      v = await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center' });
      return;
    }
    v = form.getFieldsValue(true) as OrderFormValues;
    const submitAfter = (o: OrderView) =>
      andSubmit
        ? transition.mutate({ id: o.id, action: 'submit' }, { onSuccess: (s) => done(s, 'form.submitted'), onError: fail })
        : done(o, 'form.saved');
    if (!order) {
      create.mutate(toOrderInput(v) as OrderInput, { onSuccess: submitAfter, onError: fail });
      return;
    }
    const patch = orderPatch(order, v);
    if (Object.keys(patch).length === 0) {
      if (andSubmit) submitAfter(order);
      else message.info(t('form.noChanges'));
      return;
    }
    const run = () => update.mutate(patch, { onSuccess: submitAfter, onError: fail });
    if (republish) {
      modal.confirm({
        title: t('form.republishTitle'),
        content: t('form.republishWarn'),
        okText: t('form.saveChanges'),
        cancelText: t('common.cancel'),
        onOk: run,
      });
    } else run();
  };

  const craftOptions = (crafts.data ?? []).map((c) => ({ value: c.code, label: lang === 'zh' ? c.name_zh : c.name_en }));
  const quote = preview.data?.quote ?? null;

  const problems = previewProblems(body, preview.data?.fields, t, kind);
  const summary = <OrderSummary totals={quote} depositKind={kind} loading={preview.settling} problems={problems} />;
  const buttons = (
    <Space wrap className="order-form-buttons">
      {order ? (
        <Button type={canSubmit ? 'default' : 'primary'} onClick={() => void save(false)} loading={pending}>
          {t('form.saveChanges')}
        </Button>
      ) : (
        <Button onClick={() => void save(false)} loading={pending}>
          {t('form.saveDraft')}
        </Button>
      )}
      {canSubmit && (
        <Button type="primary" onClick={() => void save(true)} loading={pending}>
          {order ? t('form.saveAndSubmit') : t('form.submitReview')}
        </Button>
      )}
      <Button onClick={() => navigate(order ? `/orders/${order.id}` : '/orders')}>{t('common.cancel')}</Button>
    </Space>
  );

  return (
    <Form
      form={form}
      layout="vertical"
      name="order"
      aria-label={order ? t('form.editTitle') : t('form.newTitle')}
      initialValues={initial}
      onValuesChange={onValuesChange}
      onFinish={() => void save(false)}
      className="order-form"
    >
      {modalHolder}
      <Row gutter={24}>
        <Col xs={24} lg={16}>
          <FormAlert message={error} />
          {republish && <Alert type="warning" showIcon message={t('form.republishWarn')} style={{ marginBottom: 16 }} />}

          <Card title={t('form.section.basic')} className="form-section">
            <Form.Item
              label={t('field.title')}
              name="title"
              rules={[required(t, 'field.title'), { min: 4, max: 80, message: t('val.titleLength') }]}
              extra={t('hint.title')}
            >
              <Input maxLength={80} showCount />
            </Form.Item>
            <Form.Item label={t('field.craft')} name="craft" rules={[chosen(t, 'field.craft')]}>
              <FormSelect options={craftOptions} loading={crafts.isPending} showSearch optionFilterProp="label" />
            </Form.Item>
            <Form.Item
              label={t('field.tags')}
              name="tags"
              extra={t('hint.tags')}
              rules={[{ type: 'array', max: 10, message: t('val.tags') }]}
            >
              <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', ' ']} />
            </Form.Item>
            <Form.Item label={t('field.description')} name="description" rules={[{ max: 5000 }]}>
              <Input.TextArea rows={4} maxLength={5000} showCount />
            </Form.Item>
          </Card>

          <Card title={t('form.section.price')} className="form-section">
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item label={t('field.quantity')} name="quantity" rules={[requiredNumber(t, 'field.quantity')]}>
                  <InputNumber min={1} max={10_000_000} precision={0} style={{ width: '100%' }} inputMode="numeric" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  label={t('field.unitPrice')}
                  name="unit_price"
                  required
                  rules={[yuanRule()]}
                  extra={t('hint.yuan')}
                >
                  <Input prefix="¥" inputMode="decimal" autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  label={t('field.minBid')}
                  name="min_bid_quantity"
                  dependencies={['quantity']}
                  extra={t('hint.minBid')}
                  rules={[
                    requiredNumber(t, 'field.minBid'),
                    ({ getFieldValue }) => ({
                      validator: async (_, v?: number) => {
                        const q = getFieldValue('quantity') as number | undefined;
                        if (v && q && v > q) throw new Error(t('val.minBid'));
                      },
                    }),
                  ]}
                >
                  <InputNumber min={1} max={10_000_000} precision={0} style={{ width: '100%' }} inputMode="numeric" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  label={t('field.minutesPerPiece')}
                  name="minutes_per_piece"
                  rules={[requiredNumber(t, 'field.minutesPerPiece')]}
                  extra={t('hint.minutesPerPiece')}
                >
                  <InputNumber min={1} max={10_000} precision={0} style={{ width: '100%' }} inputMode="numeric" />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Card title={t('form.section.place')} className="form-section">
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item label={t('field.biddingDeadline')} name="bidding_deadline" rules={[chosen(t, 'field.biddingDeadline')]}>
                  <DatePicker
                    showTime={{ format: 'HH:mm' }}
                    format={DATE_FORMAT}
                    style={{ width: '100%' }}
                    disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
                    inputReadOnly={phone}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  label={t('field.deliveryDeadline')}
                  name="delivery_deadline"
                  dependencies={['bidding_deadline']}
                  rules={[
                    chosen(t, 'field.deliveryDeadline'),
                    ({ getFieldValue }) => ({
                      validator: async (_, v?: dayjs.Dayjs | null) => {
                        const b = getFieldValue('bidding_deadline') as dayjs.Dayjs | null | undefined;
                        if (v && b && !v.isAfter(b)) throw new Error(t('val.deadlineOrder'));
                      },
                    }),
                  ]}
                >
                  <DatePicker
                    showTime={{ format: 'HH:mm' }}
                    format={DATE_FORMAT}
                    style={{ width: '100%' }}
                    disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
                    inputReadOnly={phone}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item label={t('field.region')} name="region_code" rules={[chosen(t, 'field.region')]}>
              <RegionCascader />
            </Form.Item>
            <Form.Item label={t('field.handoverAddress')} name="address" rules={[required(t, 'field.handoverAddress'), { max: 200 }]} extra={t('hint.address')}>
              <Input maxLength={200} autoComplete="street-address" />
            </Form.Item>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('hint.handoverPoint')}
            </Typography.Paragraph>
            <CoordinatesFields prefix={[]} />
          </Card>

          <Card title={t('form.section.materials')} className="form-section">
            <Form.Item label={t('field.supply')} name={['materials', 'supply']} rules={[chosen(t, 'field.supply')]}>
              <Radio.Group className="radio-stack" {...RADIOGROUP}>
                {SUPPLIES.map((s) => (
                  <Radio key={s} value={s}>
                    {t(`supply.${s}` as const)}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item
                  label={t('field.materialValue')}
                  name={['materials', 'value_per_unit']}
                  rules={[yuanRule(0, 100_000_000, false)]}
                  extra={t('hint.yuan')}
                >
                  <Input prefix="¥" inputMode="decimal" autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  label={t('field.allowedLoss')}
                  name={['materials', 'allowed_loss_bp']}
                  rules={[percentRule(2000, false)]}
                  extra={t('hint.allowedLoss')}
                >
                  <Input suffix="%" inputMode="decimal" autoComplete="off" />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <DepositCard kind={kind} supply={supply} />

          <QualityCard />

          <SamplePhotosCard />

          {phone && summary}
          <div className="order-form-actions">{buttons}</div>
        </Col>
        {!phone && (
          <Col lg={8}>
            <div className="order-summary-sticky">{summary}</div>
          </Col>
        )}
      </Row>
      {phone && quote && (
        <div className={`summary-bar${quote.below_minimum_wage ? ' summary-bar-below' : ''}`} aria-hidden="true">
          <span>
            {t('summary.orderValue')} <strong>{formatFen(quote.order_value)}</strong>
          </span>
          <span>
            {t('summary.hourly')} <strong>{t('summary.perHour', { amount: formatFen(quote.hourly_equivalent) })}</strong>
          </span>
        </div>
      )}
    </Form>
  );
}
