import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Modal, Skeleton, Space, Tag, Typography } from 'antd';
import { FileTextOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { ContractView } from '../../../api/types';
import { useSettleNow, useStatement, type Statement } from '../../../api/settlement';
import { formatDate, useLang, useT } from '../../../i18n';
import { reasonText } from '../../../lib/permissions';
import { errorText } from '../../../lib/errors';
import { formatFen } from '../../../lib/money';
import { LoadError } from '../../../components/PageState';
import type { Side } from '../contractText';
import { DepositComputation, DownloadButton, RatingsBlock } from './parts';
import './settlement.css';
import '../../../i18n/lifecycle';

/** The settlement on the contract page: once the contract is settling or
 *  settled, what each side got and why, the statement, settling now (staff)
 *  and the ratings. */
export default function SettlementPanel({ c, side }: { c: ContractView; side: Side }) {
  const active = c.stage === 'settling' || c.stage === 'settled';
  const st = useStatement(c.id, active);
  if (!active) return null;
  return <SettlementCard c={c} side={side} st={st.data} loading={st.isPending} error={st.error} retry={() => void st.refetch()} />;
}

function SettlementCard({
  c,
  side,
  st,
  loading,
  error,
  retry,
}: {
  c: ContractView;
  side: Side;
  st: Statement | undefined;
  loading: boolean;
  error: Error | null;
  retry: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const settled = c.stage === 'settled';
  return (
    <Card
      size="small"
      data-testid="settlement-panel"
      title={
        <Space size={8} wrap>
          <span>{t('set.title')}</span>
          {settled ? <Tag color="success">{t('set.settledTag')}</Tag> : <Tag color="processing">{t('set.settlingTag')}</Tag>}
        </Space>
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {settled ? (
          st?.settled_at && (
            <Typography.Text type="secondary" data-testid="settled-at">
              {t('set.settledAt', { date: formatDate(lang, st.settled_at, true) })}
            </Typography.Text>
          )
        ) : (
          <Alert type="info" showIcon data-testid="settling-note" message={t(side === 'other' ? 'set.settlingNote.other' : `set.settlingNote.${side}`)} />
        )}
        {!settled && c.role !== 'company' && c.role !== 'workshop' && (
          <SettleNow c={c} />
        )}
        {loading ? (
          <Skeleton active paragraph={{ rows: 4 }} />
        ) : error || !st ? (
          <LoadError error={error} onRetry={retry} />
        ) : (
          <>
            <Summary st={st} settled={settled} side={side} />
            <div>
              <Typography.Title level={5} className="set-h">
                {t('set.depositTitle')}
              </Typography.Title>
              <DepositComputation st={st} settled={settled} />
            </div>
            <div className="set-actions">
              <Link to={`/contracts/${c.id}/statement`}>
                <Button type={settled ? 'primary' : 'default'} icon={<FileTextOutlined />} data-testid="to-statement">
                  {t('set.toStatement')}
                </Button>
              </Link>
              <DownloadButton id={c.id} />
            </div>
            {settled && (
              <div id="rate">
                <Typography.Title level={5} className="set-h">
                  {t('set.rate.title')}
                </Typography.Title>
                <RatingsBlock st={st} side={side} />
              </div>
            )}
          </>
        )}
      </Space>
    </Card>
  );
}

/** The figures each side cares about, theirs first. */
function Summary({ st, settled, side }: { st: Statement; settled: boolean; side: Side }) {
  const t = useT();
  const s = st.totals;
  const r = st.deposit_rule;
  const rows: { key: string; label: string; value: string; strong?: boolean; mine?: boolean }[] = [
    { key: 'accepted', label: t('set.sum.accepted'), value: t('set.pieces', { n: s.accepted.toLocaleString() }) },
    ...(s.rejected > 0 ? [{ key: 'rejected', label: t('set.sum.rejected'), value: t('set.pieces', { n: s.rejected.toLocaleString() }) }] : []),
    { key: 'released', label: t('set.sum.released'), value: formatFen(s.released) },
    { key: 'commission', label: t('set.sum.commission'), value: formatFen(s.commission) },
    { key: 'net', label: t('set.sum.workshopNet'), value: formatFen(s.workshop_net), strong: true, mine: side === 'workshop' },
  ];
  if (settled) {
    rows.push({ key: 'escrowRefund', label: t('set.sum.escrowRefunded'), value: formatFen(s.escrow_refunded), strong: true, mine: side === 'company' });
    if (depositHeld(st)) {
      rows.push({ key: 'depositRefund', label: t('set.sum.depositRefunded'), value: formatFen(s.deposit_refunded), strong: true, mine: side === 'workshop' });
      rows.push({ key: 'deduction', label: t('set.sum.deduction'), value: formatFen(r.deduction), mine: side === 'company' && r.deduction > 0 });
    }
  }
  return (
    <dl className="set-summary" data-testid="settlement-summary">
      {rows.map((row) => (
        <div key={row.key} className={`set-sum-row${row.mine ? ' set-mine' : ''}`} data-testid={`sum-${row.key}`}>
          <dt>{row.label}</dt>
          <dd>{row.strong ? <strong>{row.value}</strong> : row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function depositHeld(st: Statement): boolean {
  return !st.deposit_waived && st.deposit_rule.deposit_held > 0;
}

/** Finance: settle now once no rejection can still be disputed; until then
 *  the server's reason (the dispute window's end) is shown instead. */
function SettleNow({ c }: { c: ContractView }) {
  const t = useT();
  const lang = useLang();
  const [open, setOpen] = useState(false);
  const settle = useSettleNow(c.id);
  const may = c.actions.settle;
  if (!may.allowed) {
    return may.reason ? (
      <Typography.Text type="secondary" data-testid="settle-refused">
        {reasonText(may, lang)}
      </Typography.Text>
    ) : null;
  }
  return (
    <>
      <Button icon={<ThunderboltOutlined />} onClick={() => setOpen(true)} data-testid="settle-now">
        {t('set.settleNow')}
      </Button>
      <Modal
        open={open}
        title={t('set.settleConfirmTitle')}
        okText={t('set.settleNow')}
        cancelText={t('set.cancel')}
        confirmLoading={settle.isPending}
        onCancel={() => {
          setOpen(false);
          settle.reset();
        }}
        onOk={() => settle.mutate(undefined, { onSuccess: () => setOpen(false) })}
        okButtonProps={{ 'data-testid': 'settle-confirm' } as Record<string, string>}
        destroyOnHidden
      >
        <p>{t('set.settleConfirm', { title: c.title })}</p>
        {settle.error && <Alert type="error" showIcon role="alert" message={errorText(settle.error, t)} />}
      </Modal>
    </>
  );
}
