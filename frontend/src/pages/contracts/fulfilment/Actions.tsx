import { AutoComplete, Button, Card, Form, Input, InputNumber, Radio, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ContractView } from '../../../api/types';
import {
  useDeliver,
  useDispatchMaterials,
  useEndShort,
  useInspect,
  useOpenDispute,
  useReceiveMaterials,
  useReturnMaterials,
  type DeliveryView,
  type DispatchView,
  type Quantities,
} from '../../../api/fulfilment';
import { useT } from '../../../i18n';
import { formatDate, useLang } from '../../../i18n';
import { formatFen } from '../../../lib/money';
import PhotoUploader from '../../../components/uploads/PhotoUploader';
import { photoIds, photosRule, type PhotoFile } from '../../../components/uploads/photos';
import ActionModal from './ActionModal';

/** Which dialog is open. */
export type Action =
  | { kind: 'dispatch' }
  | { kind: 'receive'; dispatch: DispatchView }
  | { kind: 'return' }
  | { kind: 'deliver'; reworkOf?: DeliveryView }
  | { kind: 'inspect'; delivery: DeliveryView }
  | { kind: 'dispute'; delivery: DeliveryView }
  | { kind: 'end' };

interface Ctx {
  c: ContractView;
  q: Quantities;
  limits: ContractView['limits']; // the server's: what may be sent, returned, delivered now
  onClose: () => void;
}

export function ActionDialog({ action, ...ctx }: Ctx & { action: Action }) {
  switch (action.kind) {
    case 'dispatch':
      return <DispatchDialog {...ctx} />;
    case 'receive':
      return <ReceiveDialog {...ctx} dispatch={action.dispatch} />;
    case 'return':
      return <ReturnDialog {...ctx} />;
    case 'deliver':
      return <DeliverDialog {...ctx} reworkOf={action.reworkOf} />;
    case 'inspect':
      return <InspectDialog {...ctx} delivery={action.delivery} />;
    case 'dispute':
      return <DisputeDialog {...ctx} delivery={action.delivery} />;
    case 'end':
      return <EndDialog {...ctx} />;
  }
}

const num = { min: 0, precision: 0, inputMode: 'numeric' as const, style: { width: '100%' } };
const positive = (message: string, max?: number, maxMessage?: string) => ({
  validator: async (_: unknown, v?: number | null) => {
    if (v == null || v < 1) throw new Error(message);
    if (max != null && v > max) throw new Error(maxMessage ?? message);
  },
});

interface DispatchForm {
  quantity: number;
  method: 'carrier' | 'pickup' | 'company_delivery';
  carrier?: string;
  tracking_no?: string;
  driver?: string;
  driver_phone?: string;
  note?: string;
}

function DispatchDialog({ c, q, limits, onClose }: Ctx) {
  const t = useT();
  const [form] = Form.useForm<DispatchForm>();
  const send = useDispatchMaterials(c.id);
  const method = Form.useWatch('method', form);
  const left = limits.dispatchable;
  const methods = c.dispatch_methods as DispatchForm['method'][];
  return (
    <ActionModal<DispatchForm>
      title={t('ful.dispatch.title')}
      okText={t('ful.dispatch.ok')}
      done={t('ful.dispatch.done')}
      form={form}
      pending={send.isPending}
      onClose={onClose}
      testId="dispatch-form"
      initialValues={{ method: methods[0] ?? 'carrier', quantity: Math.min(left, Math.max(0, c.quantity - q.dispatched)) || undefined }}
      submit={(v) =>
        send.mutateAsync({
          quantity: v.quantity,
          method: v.method,
          carrier: v.method === 'carrier' ? (v.carrier ?? '').trim() : '',
          tracking_no: v.method === 'carrier' ? (v.tracking_no ?? '').trim() : '',
          driver: v.method === 'company_delivery' ? (v.driver ?? '').trim() : '',
          driver_phone: v.method === 'company_delivery' ? (v.driver_phone ?? '').trim() : '',
          note: (v.note ?? '').trim(),
        })
      }
    >
      <Typography.Paragraph type="secondary">{t('ful.dispatch.intro', { n: left, loss: c.materials.allowed_loss_units })}</Typography.Paragraph>
      <Form.Item
        name="quantity"
        label={t('ful.dispatch.quantity')}
        required
        rules={[positive(t('ful.err.quantity'), left, t('ful.err.max', { n: left }))]}
      >
        <InputNumber {...num} data-testid="dispatch-quantity" addonAfter={t('ful.pieces')} />
      </Form.Item>
      <Form.Item name="method" label={t('ful.dispatch.method')} required>
        <Radio.Group optionType="button" buttonStyle="solid">
          {methods.map((m) => (
            <Radio.Button key={m} value={m} data-testid={`dispatch-method-${m}`}>
              {t(`ful.method.${m}` as const)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {method === 'company_delivery' && (
        <>
          <Form.Item name="driver" label={t('ful.dispatch.driver')} rules={[{ required: true, whitespace: true, message: t('ful.err.driver') }]}>
            <Input maxLength={30} data-testid="dispatch-driver" />
          </Form.Item>
          <Form.Item name="driver_phone" label={t('ful.dispatch.driverPhone')} rules={[{ required: true, whitespace: true, message: t('ful.err.driverPhone') }]}>
            <Input maxLength={20} inputMode="tel" data-testid="dispatch-driver-phone" />
          </Form.Item>
        </>
      )}
      {method === 'carrier' && (
        <>
          <Form.Item name="carrier" label={t('ful.dispatch.carrier')} rules={[{ required: true, whitespace: true, message: t('ful.err.carrier') }]}>
            <Input maxLength={50} placeholder={t('ful.dispatch.carrierHint')} data-testid="dispatch-carrier" />
          </Form.Item>
          <Form.Item name="tracking_no" label={t('ful.dispatch.tracking')} rules={[{ required: true, whitespace: true, message: t('ful.err.tracking') }]}>
            <Input maxLength={50} inputMode="text" data-testid="dispatch-tracking" />
          </Form.Item>
        </>
      )}
      <Form.Item name="note" label={t('ful.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </ActionModal>
  );
}

interface ReceiveForm {
  quantity: number;
  note?: string;
  photos?: PhotoFile[];
}

function ReceiveDialog({ c, dispatch, onClose }: Ctx & { dispatch: DispatchView }) {
  const t = useT();
  const [form] = Form.useForm<ReceiveForm>();
  const receive = useReceiveMaterials(c.id);
  const quantity = Form.useWatch('quantity', form);
  const short = quantity != null && quantity < dispatch.quantity;
  return (
    <ActionModal<ReceiveForm>
      title={t('ful.receive.title', { n: dispatch.seq })}
      okText={t('ful.receive.ok')}
      done={t('ful.receive.done')}
      form={form}
      pending={receive.isPending}
      onClose={onClose}
      testId="receive-form"
      initialValues={{ quantity: dispatch.quantity }}
      submit={(v) =>
        receive.mutateAsync({ dispatchId: dispatch.id, input: { quantity: v.quantity, note: (v.note ?? '').trim(), photo_ids: photoIds(v.photos) } })
      }
    >
      <Typography.Paragraph type="secondary">{t('ful.receive.intro', { n: dispatch.quantity })}</Typography.Paragraph>
      <Form.Item
        name="quantity"
        label={t('ful.receive.quantity')}
        required
        rules={[
          {
            validator: async (_: unknown, v?: number | null) => {
              if (v == null || v < 0 || v > dispatch.quantity) throw new Error(t('ful.err.range', { min: 0, max: dispatch.quantity }));
            },
          },
        ]}
        extra={short ? t('ful.receive.short', { n: dispatch.quantity - (quantity ?? 0) }) : undefined}
      >
        <InputNumber {...num} max={dispatch.quantity} data-testid="receive-quantity" addonAfter={t('ful.pieces')} />
      </Form.Item>
      <Form.Item
        name="note"
        label={short ? t('ful.receive.shortNote') : t('ful.note')}
        required={short}
        dependencies={['quantity']}
        rules={[
          {
            validator: async (_: unknown, v?: string) => {
              if (short && (v ?? '').trim().length < 2) throw new Error(t('ful.err.shortNote'));
            },
          },
        ]}
      >
        <Input.TextArea rows={2} maxLength={500} data-testid="receive-note" />
      </Form.Item>
      <Form.Item name="photos" label={t('ful.receive.photos')} rules={[photosRule(t('ful.photo.wait'))]}>
        <PhotoUploader testId="receive-photos" />
      </Form.Item>
    </ActionModal>
  );
}

interface ReturnForm {
  quantity: number;
  note?: string;
}

function ReturnDialog({ c, limits, onClose }: Ctx) {
  const t = useT();
  const [form] = Form.useForm<ReturnForm>();
  const ret = useReturnMaterials(c.id);
  const left = limits.returnable;
  return (
    <ActionModal<ReturnForm>
      title={t('ful.return.title')}
      okText={t('ful.return.ok')}
      done={t('ful.return.done')}
      form={form}
      pending={ret.isPending}
      onClose={onClose}
      testId="return-form"
      submit={(v) => ret.mutateAsync({ quantity: v.quantity, note: (v.note ?? '').trim() })}
    >
      <Typography.Paragraph type="secondary">{t('ful.return.intro', { n: left })}</Typography.Paragraph>
      <Form.Item name="quantity" label={t('ful.return.quantity')} required rules={[positive(t('ful.err.quantity'), left, t('ful.err.max', { n: left }))]}>
        <InputNumber {...num} data-testid="return-quantity" addonAfter={t('ful.pieces')} />
      </Form.Item>
      <Form.Item name="note" label={t('ful.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </ActionModal>
  );
}

interface DeliverForm {
  quantity: number;
  note?: string;
  photos?: PhotoFile[];
}

function DeliverDialog({ c, limits, reworkOf, onClose }: Ctx & { reworkOf?: DeliveryView }) {
  const t = useT();
  const [form] = Form.useForm<DeliverForm>();
  const deliver = useDeliver(c.id);
  // New pieces: what the contract still needs and the material received
  // allows, as the server counts it (limits.deliverable).
  const left = reworkOf ? reworkOf.rework_left : limits.deliverable;
  const quantity = Form.useWatch('quantity', form);
  const materialShort = !reworkOf && limits.deliverable < limits.deliverable_by_contract;
  return (
    <ActionModal<DeliverForm>
      title={reworkOf ? t('ful.deliver.reworkTitle', { n: reworkOf.seq }) : t('ful.deliver.title')}
      okText={t('ful.deliver.ok')}
      done={t('ful.deliver.done')}
      form={form}
      pending={deliver.isPending}
      onClose={onClose}
      testId="deliver-form"
      initialValues={reworkOf ? { quantity: reworkOf.rework_left } : undefined}
      submit={(v) =>
        deliver.mutateAsync({ quantity: v.quantity, note: (v.note ?? '').trim(), photo_ids: photoIds(v.photos), rework_of: reworkOf?.id ?? '' })
      }
    >
      <Typography.Paragraph type="secondary">
        {reworkOf ? t('ful.deliver.reworkIntro', { n: reworkOf.rework_left }) : t('ful.deliver.intro', { days: c.quality.inspection_days })}
      </Typography.Paragraph>
      <Form.Item
        name="quantity"
        label={t('ful.deliver.quantity')}
        required
        rules={[positive(t('ful.err.quantity'), left, reworkOf ? t('ful.err.max', { n: left }) : t('ful.err.maxDeliver', { n: left }))]}
        extra={
          materialShort && (quantity ?? 0) > left ? (
            <span className="ful-warn" data-testid="deliver-material-warning">
              {t('ful.deliver.materialShort', { n: left, contract: limits.deliverable_by_contract })}
            </span>
          ) : materialShort ? (
            t('ful.deliver.materialLeft', { n: left })
          ) : undefined
        }
      >
        <InputNumber {...num} data-testid="deliver-quantity" addonAfter={t('ful.pieces')} />
      </Form.Item>
      <Form.Item name="note" label={t('ful.deliver.note')}>
        <Input.TextArea rows={2} maxLength={500} placeholder={t('ful.deliver.noteHint')} data-testid="deliver-note" />
      </Form.Item>
      <Form.Item name="photos" label={t('ful.deliver.photos')} extra={t('ful.deliver.photosHint')} rules={[photosRule(t('ful.photo.wait'))]}>
        <PhotoUploader testId="deliver-photos" />
      </Form.Item>
    </ActionModal>
  );
}

interface RejectLine {
  reason?: string;
  quantity?: number;
  photos?: PhotoFile[];
}
interface InspectForm {
  accepted: number;
  rework?: number;
  rejected?: RejectLine[];
}

/** The order's quality criteria, one suggestion per line or sentence. */
function criteriaReasons(criteria: string): string[] {
  return Array.from(
    new Set(
      criteria
        .split(/[\n；;。]/)
        .map((s) => s.trim().replace(/^[\d.、)）-]+\s*/, ''))
        .filter((s) => s.length >= 2 && s.length <= 60),
    ),
  );
}

function InspectDialog({ c, delivery, onClose }: Ctx & { delivery: DeliveryView }) {
  const t = useT();
  const lang = useLang();
  const [form] = Form.useForm<InspectForm>();
  const inspect = useInspect(c.id);
  const accepted = Form.useWatch('accepted', form) ?? 0;
  const rework = Form.useWatch('rework', form) ?? 0;
  const lines = Form.useWatch('rejected', form) ?? [];
  const rejected = lines.reduce((s, l) => s + (l?.quantity ?? 0), 0);
  const sum = accepted + rejected + rework;
  const reworkAllowed = delivery.round < c.quality.rework_rounds;
  const reasons = criteriaReasons(c.quality.criteria).map((r) => ({ value: r }));
  const gross = accepted * c.unit_price;
  return (
    <ActionModal<InspectForm>
      title={t('ful.inspect.title', { n: delivery.seq })}
      okText={t('ful.inspect.ok')}
      done={t('ful.inspect.done')}
      form={form}
      pending={inspect.isPending}
      onClose={onClose}
      testId="inspect-form"
      initialValues={{ accepted: delivery.quantity, rework: 0, rejected: [] }}
      submit={(v) =>
        inspect.mutateAsync({
          deliveryId: delivery.id,
          input: {
            accepted: v.accepted,
            rework: v.rework ?? 0,
            rejected: (v.rejected ?? []).map((l) => ({ reason: (l.reason ?? '').trim(), quantity: l.quantity ?? 0, photo_ids: photoIds(l.photos) })),
          },
        })
      }
    >
      <Typography.Paragraph type="secondary">
        {t('ful.inspect.intro', { n: delivery.quantity, date: formatDate(lang, delivery.inspect_due_at, true) })}
      </Typography.Paragraph>
      <Form.Item
        name="accepted"
        label={t('ful.inspect.accepted')}
        required
        rules={[
          {
            validator: async (_: unknown, v?: number | null) => {
              if (v == null || v < 0) throw new Error(t('ful.err.range', { min: 0, max: delivery.quantity }));
              const all = form.getFieldsValue(true) as InspectForm;
              const total = v + (all.rework ?? 0) + (all.rejected ?? []).reduce((s, l) => s + (l?.quantity ?? 0), 0);
              if (total !== delivery.quantity) throw new Error(t('ful.err.sum', { n: delivery.quantity }));
            },
          },
        ]}
        extra={t('ful.inspect.release', { amount: formatFen(gross) })}
      >
        <InputNumber {...num} max={delivery.quantity} data-testid="inspect-accepted" addonAfter={t('ful.pieces')} />
      </Form.Item>
      {reworkAllowed && (
        <Form.Item name="rework" label={t('ful.inspect.rework')} extra={t('ful.inspect.reworkHint', { left: c.quality.rework_rounds - delivery.round })}>
          <InputNumber {...num} max={delivery.quantity} data-testid="inspect-rework" addonAfter={t('ful.pieces')} />
        </Form.Item>
      )}
      <Typography.Text strong>{t('ful.inspect.rejected')}</Typography.Text>
      <Typography.Paragraph type="secondary" className="terms-note">
        {t('ful.inspect.rejectedHint')}
      </Typography.Paragraph>
      <Form.List name="rejected">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                className="ful-reject-line"
                data-testid="reject-line"
                title={t('ful.inspect.reason', { n: i + 1 })}
                extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label={t('ful.inspect.removeReason', { n: i + 1 })} onClick={() => remove(f.name)} />}
              >
                <Form.Item
                  name={[f.name, 'reason']}
                  label={t('ful.inspect.reasonText')}
                  required
                  rules={[{ required: true, whitespace: true, min: 2, message: t('ful.err.reason') }]}
                >
                  <AutoComplete options={reasons} filterOption={(input, o) => String(o?.value ?? '').includes(input)} maxLength={200}>
                    <Input data-testid="reject-reason" placeholder={t('ful.inspect.reasonHint')} />
                  </AutoComplete>
                </Form.Item>
                <Form.Item name={[f.name, 'quantity']} label={t('ful.inspect.rejectQty')} required rules={[positive(t('ful.err.quantity'))]}>
                  <InputNumber {...num} data-testid="reject-quantity" addonAfter={t('ful.pieces')} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'photos']}
                  label={t('ful.inspect.photos')}
                  required
                  rules={[photosRule(t('ful.photo.wait'), true, t('ful.err.photo'))]}
                >
                  <PhotoUploader testId="reject-photos" />
                </Form.Item>
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ photos: [] })} block data-testid="reject-add" style={{ marginBottom: 12 }}>
              {t('ful.inspect.addReason')}
            </Button>
          </>
        )}
      </Form.List>
      <div className={`ful-sum ${sum === delivery.quantity ? 'ok' : 'bad'}`} data-testid="inspect-sum" aria-live="polite">
        {t('ful.inspect.sum', { accepted, rejected, rework, sum, n: delivery.quantity })}
      </div>
    </ActionModal>
  );
}

interface DisputeForm {
  statement: string;
  photos?: PhotoFile[];
}

function DisputeDialog({ c, delivery, onClose }: Ctx & { delivery: DeliveryView }) {
  const t = useT();
  const lang = useLang();
  const [form] = Form.useForm<DisputeForm>();
  const dispute = useOpenDispute(c.id);
  return (
    <ActionModal<DisputeForm>
      title={t('ful.dispute.title', { n: delivery.seq })}
      okText={t('ful.dispute.ok')}
      done={t('ful.dispute.done')}
      form={form}
      pending={dispute.isPending}
      onClose={onClose}
      testId="dispute-form"
      submit={(v) => dispute.mutateAsync({ deliveryId: delivery.id, input: { statement: v.statement.trim(), photo_ids: photoIds(v.photos) } })}
    >
      <Typography.Paragraph type="secondary">
        {t('ful.dispute.intro', {
          n: delivery.rejected ?? 0,
          amount: formatFen((delivery.rejected ?? 0) * c.unit_price),
          date: formatDate(lang, delivery.dispute_due_at, true),
        })}
      </Typography.Paragraph>
      <Form.Item
        name="statement"
        label={t('ful.dispute.statement')}
        required
        rules={[{ required: true, whitespace: true, min: 10, max: 2000, message: t('ful.err.statement') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="dispute-statement" placeholder={t('ful.dispute.statementHint')} />
      </Form.Item>
      <Form.Item name="photos" label={t('ful.dispute.photos')} rules={[photosRule(t('ful.photo.wait'))]}>
        <PhotoUploader testId="dispute-photos" />
      </Form.Item>
    </ActionModal>
  );
}

function EndDialog({ c, q, onClose }: Ctx) {
  const t = useT();
  const [form] = Form.useForm<Record<string, never>>();
  const end = useEndShort(c.id);
  const short = Math.max(0, c.quantity - q.accepted - q.rejected);
  return (
    <ActionModal<Record<string, never>>
      title={t('ful.end.title')}
      okText={t('ful.end.ok')}
      done={t('ful.end.done')}
      form={form}
      pending={end.isPending}
      onClose={onClose}
      testId="end-form"
      danger
      submit={() => end.mutateAsync()}
    >
      <Typography.Paragraph>{t('ful.end.intro', { n: short, amount: formatFen(short * c.unit_price) })}</Typography.Paragraph>
    </ActionModal>
  );
}
