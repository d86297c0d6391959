import { useMemo, useState } from 'react';
import { Button, Col, DatePicker, Form, Checkbox, Grid, Input, InputNumber, Row, Space, Tag } from 'antd';
import { useMessage } from '../../../components/feedback';
import type { FormRule } from 'antd';
import { useLang, formatDate } from '../../../i18n';
import { useOrdersT } from '../../../i18n/orders';
import { useCreateBid, useReviseBid } from '../../../api/bids';
import type { BidInput, BidView, OrderDetail } from '../../../api/types';
import { applyFormError } from '../../../lib/errors';
import { requiredNumber, chosen } from '../../../lib/rules';
import { formatFen, hundredthsValidator, yuanToFen } from '../../../lib/money';
import FormAlert from '../../../components/FormAlert';
import BidQuoteSummary from './BidQuoteSummary';
import { bidPatch, bidToForm, deliveryDayAllowed, minBidQuantity, newBidForm, toBidInput, type BidFormValues } from './bidForm';
import { useBidPreview } from './useBidPreview';

interface Props {
  order: OrderDetail;
  /** The workshop's open bid when revising it. */
  bid?: BidView;
  /** Where the minimum wage is judged: the workshop's province (residents work there). */
  province: string;
  onDone?: (b: BidView) => void;
  onCancel?: () => void;
}

/** A workshop's bid on an order (new or revised), with live figures. */
export default function BidForm({ order: o, bid, province, onDone, onCancel }: Props) {
  const t = useOrdersT();
  const lang = useLang();
  const phone = !Grid.useBreakpoint().sm;
  const message = useMessage();
  const [form] = Form.useForm<BidFormValues>();
  const initial = useMemo(() => (bid ? bidToForm(bid) : newBidForm(o)), [bid, o]);
  const [values, setValues] = useState<BidFormValues>(initial);
  // The preview prices the bid; ticking the confirmation changes nothing it shows.
  const body = useMemo(() => {
    const b = toBidInput(values);
    delete b.confirm_below_minimum_wage;
    return b;
  }, [values]);
  const preview = useBidPreview(o.id, body);
  // Below the minimum wage, the workshop confirms it knows before bidding.
  const belowMinWage = preview.ready && !!preview.data?.quote?.below_minimum_wage;
  const create = useCreateBid(o.id);
  const revise = useReviseBid(bid?.id ?? '', o.id);
  const [error, setError] = useState<string | null>(null);
  const pending = create.isPending || revise.isPending;

  // Open bids do not reserve pieces: only awards lower the remaining quantity.
  const max = o.remaining_quantity;
  const min = minBidQuantity(o);
  const price = yuanToFen(values.unit_price);
  const counterOffer = price != null && price !== o.unit_price;
  // The preview names every invalid field, including ones not filled in yet:
  // show only problems with what has been typed (empty fields get the form's own messages).
  const filled = body as Record<string, unknown>;
  const problems = preview.ready
    ? Object.entries(preview.data?.fields ?? {})
        .filter(([k]) => filled[k] !== undefined && filled[k] !== '')
        .map(([, m]) => m)
    : [];

  const quantityRule: FormRule = {
    validator: async (_, v?: number | null) => {
      if (v == null) return;
      if (v < min) throw new Error(t('bid.val.quantityMin', { n: min.toLocaleString() }));
      if (v > max) throw new Error(t('bid.val.quantityMax', { n: max.toLocaleString() }));
    },
  };
  const priceRule: FormRule = {
    validator: hundredthsValidator({ format: t('val.yuan'), range: t('val.range', { min: formatFen(1), max: formatFen(100_000_000) }) }, 1, 100_000_000),
  };

  const done = (b: BidView) => {
    message.success(t(bid ? 'bid.revised' : 'bid.submitted'));
    onDone?.(b);
  };
  const fail = (err: unknown) => setError(applyFormError(form, err, t));

  const submit = async () => {
    setError(null);
    let v: BidFormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (!bid) {
      create.mutate(toBidInput(v) as BidInput, { onSuccess: done, onError: fail });
      return;
    }
    const patch = bidPatch(bid, v);
    if (Object.keys(patch).length === 0) {
      message.info(t('form.noChanges'));
      return;
    }
    revise.mutate(patch, { onSuccess: done, onError: fail });
  };

  const half = { xs: 24, sm: 12, lg: 24 } as const;
  return (
    <Form
      form={form}
      layout="vertical"
      name={bid ? 'bid-revise' : 'bid'}
      aria-label={t(bid ? 'bid.reviseTitle' : 'bid.formTitle')}
      initialValues={initial}
      onValuesChange={() => setValues(form.getFieldsValue(true) as BidFormValues)}
      onFinish={() => void submit()}
      className="bid-form"
    >
      <FormAlert message={error} />
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item
            label={t('bid.quantity')}
            name="quantity"
            rules={[requiredNumber(t, 'bid.quantity'), quantityRule]}
            extra={min === max ? t('bid.quantityAll', { n: max.toLocaleString() }) : t('bid.quantityHint', { min: min.toLocaleString(), max: max.toLocaleString() })}
          >
            <InputNumber min={1} max={10_000_000} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            label={t('bid.unitPrice')}
            name="unit_price"
            required
            rules={[priceRule]}
            extra={
              counterOffer ? (
                <span data-testid="counter-offer-hint">
                  <Tag color="orange">{t('bid.counterOffer')}</Tag>
                  {t('bid.orderPrice', { price: formatFen(o.unit_price) })}
                </span>
              ) : (
                t('bid.priceHint')
              )
            }
          >
            <Input prefix="¥" inputMode="decimal" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            label={t('bid.deliveryDate')}
            name="delivery_date"
            rules={[chosen(t, 'bid.deliveryDate')]}
            extra={t('bid.deliveryHint', { date: formatDate(lang, o.delivery_deadline) })}
          >
            <DatePicker
              style={{ width: '100%' }}
              format="YYYY-MM-DD"
              disabledDate={(d) => !deliveryDayAllowed(d, o.delivery_deadline)}
              inputReadOnly={phone}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label={t('bid.headcount')} name="headcount" rules={[requiredNumber(t, 'bid.headcount')]} extra={t('bid.headcountHint')}>
            <InputNumber min={1} max={10_000} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('bid.message')} name="message" rules={[{ max: 1000 }]}>
        <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('bid.messageHint')} />
      </Form.Item>
      <BidQuoteSummary
        quote={preview.ready ? (preview.data?.quote ?? null) : null}
        province={province}
        loading={preview.ready && preview.settling}
        problems={problems}
      />
      {belowMinWage && (
        <Form.Item
          name="confirm_below_minimum_wage"
          valuePropName="checked"
          style={{ marginTop: 8 }}
          rules={[
            {
              validator: async (_, v?: boolean) => {
                if (!v) throw new Error(t('bid.val.confirmBelowMinWage'));
              },
            },
          ]}
        >
          <Checkbox data-testid="bid-confirm-below-min-wage">{t('bid.confirmBelowMinWage')}</Checkbox>
        </Form.Item>
      )}
      <Space wrap className="bid-form-buttons">
        <Button type="primary" htmlType="submit" loading={pending}>
          {t(bid ? 'bid.saveRevision' : 'bid.submit')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
      </Space>
    </Form>
  );
}
