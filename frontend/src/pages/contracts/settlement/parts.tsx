import { useState } from 'react';
import { Alert, Button, Form, Input, Rate as Stars, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { formatDate, useLang, useT, type MessageKey, type TFunction } from '../../../i18n';
import { downloadStatementXLSX, useRate, type DepositRule, type RatingInput, type RatingView, type Statement, type StatementLine } from '../../../api/settlement';
import { applyFormError, errorText } from '../../../lib/errors';
import { formatFen } from '../../../lib/money';
import FormAlert from '../../../components/FormAlert';
import type { Side } from '../contractText';

const DISBURSEMENT = /^(payout|refund|compensation)_(queued|sending|sent|failed|reversed)$/;

/** A statement line's item in words ("验收合格", "付给工坊（已汇出）"). */
export function lineText(l: StatementLine, t: TFunction): string {
  const m = DISBURSEMENT.exec(l.kind);
  if (m) return t('set.line.disbursement', { kind: t(`set.disb.${m[1]}` as MessageKey), status: t(`set.disbStatus.${m[2]}` as MessageKey) });
  return t(`set.line.${l.kind}` as MessageKey);
}

/** Inspection lines with nothing in them (0 rejected, 0 rework) say nothing. */
export function visibleLines(lines: StatementLine[]): StatementLine[] {
  return lines.filter((l) => l.quantity !== 0 || l.amount !== 0 || !/_(rejected|rework)$/.test(l.kind));
}

/** Whether the contract held a deposit at all, and why not. */
export function depositCase(st: Pick<Statement, 'deposit_kind' | 'deposit_waived' | 'deposit_rule'>): 'none' | 'waived' | 'own' | 'rule' {
  if (st.deposit_waived) return 'waived';
  if (st.deposit_kind === 'none' && st.deposit_rule.deposit_held === 0) return 'none';
  if (st.deposit_rule.own_materials) return 'own';
  return 'rule';
}

/** The deposit rule written out, line by line, with the figures of this contract.
 *  Before settlement the deduction is not made yet: the reconciliation so far is shown. */
export function DepositComputation({ st, settled }: { st: Statement; settled: boolean }) {
  const t = useT();
  const r: DepositRule = st.deposit_rule;
  const kind = depositCase(st);
  if (kind === 'none') return <p data-testid="deposit-why">{t('set.dep.none')}</p>;
  if (kind === 'waived') return <p data-testid="deposit-why">{t('set.dep.waived')}</p>;
  if (kind === 'own')
    return <p data-testid="deposit-why">{settled ? t('set.dep.own', { refund: formatFen(r.refund) }) : t('set.dep.ownPending')}</p>;
  const lines = [
    t('set.dep.missing', { received: r.received, returned: r.returned, delivered: r.delivered, missing: r.missing }),
    t('set.dep.chargeable', { missing: r.missing, allowed: r.allowed_loss, chargeable: r.chargeable }),
  ];
  if (settled) {
    lines.push(
      t('set.dep.deduction', { held: formatFen(r.deposit_held), chargeable: r.chargeable, value: formatFen(r.value_per_unit), deduction: formatFen(r.deduction) }),
      t('set.dep.refund', { held: formatFen(r.deposit_held), deduction: formatFen(r.deduction), refund: formatFen(r.refund) }),
    );
  }
  const why = !settled ? t('set.dep.pending') : r.deduction === 0 ? t('set.dep.whyFull') : t('set.dep.whyDeducted', { deduction: formatFen(r.deduction), chargeable: r.chargeable });
  return (
    <div className="set-deposit" data-testid="deposit-rule">
      <div className="set-rule-formula">{t('set.dep.rule')}</div>
      <ol className="set-rule-lines">
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ol>
      <p className="set-why" data-testid="deposit-why">
        {why}
      </p>
      <Typography.Text type="secondary" className="terms-note">
        {t('set.dep.rejectionsNote')}
      </Typography.Text>
    </div>
  );
}

/** The XLSX statement, fetched in the UI's language. */
export function DownloadButton({ id, block }: { id: string; block?: boolean }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        loading={busy}
        block={block}
        data-testid="statement-xlsx"
        onClick={() => {
          setBusy(true);
          setErr(null);
          downloadStatementXLSX(id)
            .catch((e: unknown) => setErr(errorText(e, t)))
            .finally(() => setBusy(false));
        }}
      >
        {t('set.downloadXlsx')}
      </Button>
      {err && <Alert type="error" showIcon message={err} role="alert" />}
    </>
  );
}

const SCORE_KEYS = ['a', 'b', 'c'] as const;

/** The three points one side rates the other on: the company rates the
 *  workshop's quality, communication and timeliness; the workshop rates the
 *  company's payment, communication and fair inspection. */
export function scoreLabel(by: 'company' | 'workshop', k: (typeof SCORE_KEYS)[number], t: TFunction): string {
  return t(`set.rate.${by}.${k}` as MessageKey);
}

function RatingShown({ r, title, testId }: { r: RatingView; title: string; testId: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="set-rating" data-testid={testId}>
      <div className="set-rating-head">
        <strong>{title}</strong>
        <Typography.Text type="secondary">{formatDate(lang, r.created_at)}</Typography.Text>
      </div>
      {SCORE_KEYS.map((k) => (
        <div key={k} className="set-score">
          <span className="set-score-label">{scoreLabel(r.by, k, t)}</span>
          <Stars disabled value={r[k]} className="set-stars" />
          <span className="set-score-n">{r[k]}</span>
        </div>
      ))}
      {r.comment && <p className="pre-wrap set-comment">{r.comment}</p>}
    </div>
  );
}

/** Ratings after settlement: the form (once), mine, and the other side's once
 *  both rated or 14 days passed (so neither retaliates). Staff see both. */
export function RatingsBlock({ st, side }: { st: Statement; side: Side }) {
  const t = useT();
  if (st.status !== 'settled') return null;
  const party = side === 'company' || side === 'workshop';
  const other = party ? st.ratings.find((r) => r.by !== side) : undefined;
  const otherName = side === 'company' ? st.workshop : st.company;
  return (
    <div className="set-ratings" data-testid="ratings">
      {party ? (
        <>
          {st.can_rate && <RatingForm st={st} side={side} />}
          {st.my_rating && <RatingShown r={st.my_rating} title={t('set.rate.mine')} testId="rating-mine" />}
          {other ? (
            <RatingShown r={other} title={t('set.rate.theirs', { name: otherName })} testId="rating-theirs" />
          ) : (
            <>
              <Alert type="info" showIcon data-testid="rating-hidden" className="no-print" message={st.my_rating ? t('set.rate.hiddenAfterMine', { name: otherName }) : t('set.rate.hidden', { name: otherName })} />
              {!st.my_rating && <p className="print-only">{t('set.rate.noneVisible')}</p>}
            </>
          )}
        </>
      ) : st.ratings.length === 0 ? (
        <Typography.Text type="secondary" data-testid="rating-none">
          {t('set.rate.none')}
        </Typography.Text>
      ) : (
        st.ratings.map((r) => <RatingShown key={r.by} r={r} title={t(`set.rate.by.${r.by}`)} testId={`rating-${r.by}`} />)
      )}
    </div>
  );
}

function RatingForm({ st, side }: { st: Statement; side: 'company' | 'workshop' }) {
  const t = useT();
  const [form] = Form.useForm<RatingInput>();
  const [formError, setFormError] = useState<string | null>(null);
  const rate = useRate(st.contract_id);
  const otherName = side === 'company' ? st.workshop : st.company;
  return (
    <Form
      form={form}
      layout="vertical"
      aria-label={t('set.rate.formTitle')}
      className="set-rating-form"
      data-testid="rating-form"
      initialValues={{ a: 0, b: 0, c: 0, comment: '' }}
      onFinish={(v) => {
        setFormError(null);
        rate.mutate(v, { onError: (e) => setFormError(applyFormError(form, e, t)) });
      }}
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('set.rate.formTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" className="terms-note">
        {t('set.rate.formNote', { name: otherName })}
      </Typography.Paragraph>
      <FormAlert message={formError} />
      {SCORE_KEYS.map((k) => (
        <Form.Item
          key={k}
          name={k}
          label={scoreLabel(side, k, t)}
          className="set-score-item"
          rules={[{ validator: (_, v: number) => (v >= 1 && v <= 5 ? Promise.resolve() : Promise.reject(new Error(t('set.rate.required')))) }]}
        >
          <Stars aria-label={scoreLabel(side, k, t)} data-testid={`rate-${k}`} className="set-stars-input" />
        </Form.Item>
      ))}
      <Form.Item name="comment" label={t('set.rate.comment')} rules={[{ max: 1000, message: t('set.rate.commentMax') }]}>
        <Input.TextArea rows={3} maxLength={1000} showCount data-testid="rate-comment" placeholder={t('set.rate.commentPlaceholder')} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={rate.isPending} data-testid="rate-submit">
          {t('set.rate.submit')}
        </Button>
      </Space>
    </Form>
  );
}
