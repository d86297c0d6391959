import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Collapse, Form, Input, InputNumber, Modal, Space, Tag, Typography, type ButtonProps } from 'antd';
import { ArrowLeftOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { useContract } from '../../api/contracts';
import {
  useCommentDispute,
  useDispute,
  useMessages,
  useDecisionPreview,
  useResolveDispute,
  useTimeline,
  type DisputeDetail,
  type ResolveInput,
} from '../../api/fulfilment';
import { isApiError } from '../../api/client';
import type { ContractView } from '../../api/types';
import { useMe } from '../../auth/useMe';
import { formatDate, useLang, useT } from '../../i18n';
import { formatBp, formatFen } from '../../lib/money';
import { useMessage } from '../../components/feedback';
import { BlockLoading, LoadError, PageSkeleton } from '../../components/PageState';
import ErrorResult from '../../components/ErrorResult';
import FormAlert from '../../components/FormAlert';
import PhotoViewer from '../../components/uploads/PhotoViewer';
import Thread from '../contracts/fulfilment/Thread';
import { ageText, applyApiErrors, useNow } from '../contracts/fulfilment/forms';
import '../contracts/fulfilment/fulfilment.css';
import '../../i18n/lifecycle';

/** /disputes/:id — a dispute with both sides' evidence, the contract's terms
 *  and thread, comments with photos, and (staff) the decision with its money. */
export default function DisputePage() {
  const t = useT();
  const { id } = useParams();
  const d = useDispute(id);
  const c = useContract(d.data?.contract_id);
  if (d.isPending || (d.data && c.isPending)) return <PageSkeleton />;
  if (d.isError) {
    if (isApiError(d.error, 'not_found')) return <ErrorResult status={404} title={t('error.404.title')} text={t('ful.dispute.notFound')} />;
    return <LoadError error={d.error} onRetry={() => void d.refetch()} />;
  }
  if (c.isError) return <LoadError error={c.error} onRetry={() => void c.refetch()} />;
  return <DisputeView d={d.data} c={c.data!} />;
}

function DisputeView({ d, c }: { d: DisputeDetail; c: ContractView }) {
  const t = useT();
  const lang = useLang();
  const now = useNow();
  const me = useMe().data;
  const staff = c.role !== 'company' && c.role !== 'workshop'; // (moderators and finance reach it from the staff queue)
  const comment = useCommentDispute(d.id);
  const open = d.status === 'open';
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} className="dispute-page">
      <div>
        <Link to={staff ? '/staff/disputes' : `/contracts/${c.id}`}>
          <ArrowLeftOutlined /> {staff ? t('ful.dispute.backQueue') : t('ful.dispute.backContract')}
        </Link>
        <Typography.Title level={1} className="page-title" style={{ margin: '8px 0 4px' }}>
          {t('ful.dispute.pageTitle', { n: d.units })}
        </Typography.Title>
        <Space size={[8, 4]} wrap>
          <Tag color={open ? 'purple' : 'default'} data-testid="dispute-status">
            {t(open ? 'ful.dispute.statusOpen' : 'ful.dispute.statusResolved')}
          </Tag>
          <Link to={`/contracts/${c.id}`}>{c.title}</Link>
          {open && (
            <Typography.Text type="secondary">
              <ClockCircleOutlined /> {t('ful.queue.age', { span: ageText(t, d.opened_at, now) })}
            </Typography.Text>
          )}
        </Space>
        <div className="ful-item-meta">{t('ful.queue.parties', { company: c.company.name, workshop: c.workshop.name })}</div>
      </div>

      {!open && (
        <Alert
          type="success"
          showIcon
          data-testid="dispute-decision"
          message={t('ful.dispute.decided', { accepted: d.decided_accepted ?? 0, n: d.units, date: formatDate(lang, d.resolved_at, true) })}
          description={<div className="pre-wrap">{d.decision_note}</div>}
        />
      )}

      <Card size="small" title={t('ful.dispute.workshopSide', { name: c.workshop.name })}>
        <div className="pre-wrap" data-testid="dispute-statement">
          {d.statement}
        </div>
        <PhotoViewer photos={d.photos} />
        <Typography.Text type="secondary" className="terms-note">
          {formatDate(lang, d.opened_at, true)}
        </Typography.Text>
      </Card>

      <Evidence d={d} c={c} />

      <Card size="small" title={t('ful.dispute.thread')}>
        <Thread
          items={d.comments}
          companyId={c.company.id}
          workshopId={c.workshop.id}
          myOrgId={me?.org?.id}
          post={d.actions.comment.allowed ? (input) => comment.mutateAsync(input) : undefined}
          posting={comment.isPending}
          testId="comments"
          placeholder={t(staff ? 'ful.dispute.askHint' : 'ful.dispute.commentHint')}
        />
      </Card>

      {d.actions.resolve.allowed && <Resolve d={d} c={c} />}

      <Collapse
        items={[
          {
            key: 'terms',
            label: t('ful.dispute.terms'),
            children: (
              <div>
                <div className="pre-wrap">{c.quality.criteria}</div>
                <div className="terms-note">
                  {t('order.qualityText', { defect: formatBp(c.quality.max_defect_bp), days: c.quality.inspection_days, rounds: c.quality.rework_rounds })}
                </div>
                <div className="terms-note">
                  {t('ful.dispute.price', { price: formatFen(c.unit_price), rate: formatBp(c.commission_bp), n: c.quantity })}
                </div>
              </div>
            ),
          },
          { key: 'messages', label: t('ful.dispute.contractThread'), children: <ContractThread c={c} myOrgId={me?.org?.id} /> },
        ]}
      />
    </Space>
  );
}

/** The delivery and the company's inspection: its rejections with photos. */
function Evidence({ d, c }: { d: DisputeDetail; c: ContractView }) {
  const t = useT();
  const lang = useLang();
  const tl = useTimeline(c.id);
  if (tl.isPending) return <BlockLoading rows={3} />;
  if (tl.isError) return <LoadError error={tl.error} onRetry={() => void tl.refetch()} />;
  const del = tl.data.deliveries.find((x) => x.id === d.delivery_id);
  if (!del) return null;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('ful.dispute.delivery', { n: del.seq, qty: del.quantity })} data-testid="dispute-delivery">
        <div className="ful-item-meta">{t('ful.deliveries.submitted', { date: formatDate(lang, del.submitted_at, true) })}</div>
        {del.note && <div className="pre-wrap ful-note">{del.note}</div>}
        <PhotoViewer photos={del.photos} />
      </Card>
      <Card size="small" title={t('ful.dispute.companySide', { name: c.company.name })} data-testid="dispute-inspection">
        <Space size={[6, 4]} wrap>
          <Tag color="success">{t('ful.deliveries.accepted', { n: del.accepted ?? 0 })}</Tag>
          <Tag color="error">{t('ful.deliveries.rejected', { n: del.rejected ?? 0 })}</Tag>
          {del.inspected_at && <Typography.Text type="secondary">{t('ful.deliveries.inspectedAt', { date: formatDate(lang, del.inspected_at, true) })}</Typography.Text>}
        </Space>
        {del.rejections.map((r, i) => (
          <div key={i} className="ful-rejection" data-testid="rejection">
            <div>
              <Tag color="error">{t('ful.pcs', { n: r.quantity })}</Tag> {r.reason}
            </div>
            <PhotoViewer photos={r.photos} />
          </div>
        ))}
      </Card>
    </Space>
  );
}

function ContractThread({ c, myOrgId }: { c: ContractView; myOrgId?: string }) {
  const list = useMessages(c.id);
  if (list.isPending) return <BlockLoading rows={2} />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const items = [...list.data.pages].reverse().flatMap((p) => p.items);
  return <Thread items={items} companyId={c.company.id} workshopId={c.workshop.id} myOrgId={myOrgId} testId="contract-thread" />;
}

function Resolve({ d, c }: { d: DisputeDetail; c: ContractView }) {
  const t = useT();
  const message = useMessage();
  const [form] = Form.useForm<ResolveInput>();
  const resolve = useResolveDispute(d.id, c.id);
  const [confirm, setConfirm] = useState<ResolveInput | null>(null);
  const [error, setError] = useState<string | null>(null);
  const accepted = Form.useWatch('accepted', form);
  const valid = accepted != null && accepted >= 0 && accepted <= d.units;
  // What the decision does to the money, from the server (never recomputed here).
  const preview = useDecisionPreview(d.id, valid ? accepted : null).data;
  const decided = useDecisionPreview(d.id, confirm ? confirm.accepted : null).data;
  const send = () => {
    if (!confirm) return;
    setError(null);
    resolve.mutate(confirm, {
      onSuccess: () => {
        void message.success(t('ful.resolve.done'));
        setConfirm(null);
      },
      onError: (e) => {
        setConfirm(null);
        setError(applyApiErrors(form, e, t));
      },
    });
  };
  const moneyList = preview && (
    <dl className="ful-money" data-testid="resolve-money">
      <dt>{t('ful.resolve.gross', { n: preview.accepted, price: formatFen(c.unit_price) })}</dt>
      <dd>{formatFen(preview.gross)}</dd>
      <dt>{t('ful.resolve.commission', { rate: formatBp(c.commission_bp) })}</dt>
      <dd>−{formatFen(preview.commission)}</dd>
      <dt>{t('ful.resolve.net', { name: c.workshop.name })}</dt>
      <dd>{formatFen(preview.net)}</dd>
      <dt>{t('ful.resolve.refund', { n: d.units - preview.accepted, name: c.company.name })}</dt>
      <dd>{formatFen(preview.refund)}</dd>
    </dl>
  );
  return (
    <Card size="small" title={t('ful.resolve.title')} data-testid="resolve">
      <FormAlert message={error} />
      <Form<ResolveInput>
        form={form}
        layout="vertical"
        aria-label={t('ful.resolve.title')}
        onFinish={(v) => setConfirm({ accepted: v.accepted, note: v.note.trim() })}
      >
        <Form.Item
          name="accepted"
          label={t('ful.resolve.accepted', { n: d.units })}
          required
          rules={[
            {
              validator: async (_: unknown, v?: number | null) => {
                if (v == null || v < 0 || v > d.units) throw new Error(t('ful.err.range', { min: 0, max: d.units }));
              },
            },
          ]}
        >
          <InputNumber min={0} max={d.units} precision={0} inputMode="numeric" style={{ width: '100%' }} addonAfter={t('ful.pieces')} data-testid="resolve-accepted" />
        </Form.Item>
        {valid && moneyList}
        <Form.Item name="note" label={t('ful.resolve.note')} required rules={[{ required: true, whitespace: true, min: 2, message: t('ful.err.decisionNote') }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="resolve-note" placeholder={t('ful.resolve.noteHint')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="resolve-submit">
          {t('ful.resolve.submit')}
        </Button>
      </Form>
      {confirm && (
        <Modal
          open
          title={t('ful.resolve.confirmTitle')}
          okText={t('ful.resolve.confirmOk')}
          cancelText={t('common.cancel')}
          confirmLoading={resolve.isPending}
          onOk={send}
          onCancel={() => setConfirm(null)}
          okButtonProps={{ 'data-testid': 'resolve-confirm' } as ButtonProps}
        >
          <Typography.Paragraph>{t('ful.resolve.confirmText', { accepted: confirm.accepted, n: d.units })}</Typography.Paragraph>
          {decided && (
            <dl className="ful-money" data-testid="resolve-confirm-money">
              <dt>{t('ful.resolve.net', { name: c.workshop.name })}</dt>
              <dd>{formatFen(decided.net)}</dd>
              <dt>{t('ful.resolve.commission', { rate: formatBp(c.commission_bp) })}</dt>
              <dd>{formatFen(decided.commission)}</dd>
              <dt>{t('ful.resolve.refund', { n: d.units - decided.accepted, name: c.company.name })}</dt>
              <dd>{formatFen(decided.refund)}</dd>
            </dl>
          )}
          <Typography.Paragraph type="secondary">{t('ful.resolve.final')}</Typography.Paragraph>
        </Modal>
      )}
    </Card>
  );
}
