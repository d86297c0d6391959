import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Empty, Input, InputNumber, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { CheckOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { formatDate, useLang, useT } from '../../i18n';
import { distributionXLSXURL, useApprove, useDistribution } from '../../api/workshopOps';
import { isApiError } from '../../api/client';
import { errorText } from '../../lib/errors';
import { formatBp, formatFen, formatRate, formatShare } from '../../lib/money';
import { reasonText } from '../../lib/permissions';
import { LoadError, PageSkeleton } from '../../components/PageState';
import ErrorResult from '../../components/ErrorResult';
import type { DistributionLine, DistributionView } from '../../api/types';
import PayModal from './PayModal';

/** /contracts/:id/distribution — split the workshop's net among residents. */
export default function Distribution() {
  const t = useT();
  const { id = '' } = useParams();
  const [fundBp, setFundBp] = useState<number | null>(null);
  const d = useDistribution(id, fundBp);
  if (d.isPending) return <PageSkeleton />;
  if (d.isError) {
    if (isApiError(d.error, 'not_found')) return <ErrorResult status={404} title={t('error.404.title')} text={t('contract.notFound')} />;
    return <LoadError error={d.error} onRetry={() => void d.refetch()} />;
  }
  return <DistributionPage v={d.data} fundBp={fundBp ?? d.data.community_fund_bp} setFundBp={setFundBp} />;
}

const statusColor = { not_released: 'default', draft: 'processing', approved: 'warning', paid: 'success' } as const;

function DistributionPage({ v, fundBp, setFundBp }: { v: DistributionView; fundBp: number; setFundBp: (bp: number | null) => void }) {
  const t = useT();
  const lang = useLang();
  const approve = useApprove(v.contract.id);
  const [paying, setPaying] = useState<DistributionLine | null>(null);
  const [reason, setReason] = useState('');
  const frozen = v.status === 'approved' || v.status === 'paid';
  const x = v.actions;
  const approveError = approve.isError && isApiError(approve.error) ? approve.error.fields.reason : undefined;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <div>
        <Tag color={statusColor[v.status]} data-testid="dist-status">
          {t(`dist.status.${v.status}` as const)}
        </Tag>
        <Typography.Title level={1} className="page-title" style={{ margin: '4px 0' }}>
          {t('dist.title')}
        </Typography.Title>
        <Link to={`/contracts/${v.contract.id}`}>{v.contract.title}</Link>
      </div>
      <Card size="small">
        <Descriptions
          column={1}
          size="small"
          colon={false}
          items={[
            { key: 'net', label: t('dist.net'), children: <strong>{formatFen(v.net)}</strong> },
            {
              key: 'fund',
              label: t('dist.fundPercent'),
              children: frozen ? (
                `${formatBp(v.community_fund_bp)} · ${formatFen(v.community_fund)}`
              ) : (
                <Space>
                  <InputNumber
                    min={0}
                    max={50}
                    step={1}
                    precision={2}
                    value={fundBp / 100}
                    addonAfter="%"
                    style={{ width: 130 }}
                    onChange={(n) => setFundBp(n == null ? null : Math.round(n * 100))}
                    data-testid="dist-fund"
                  />
                  <span>{formatFen(v.community_fund)}</span>
                </Space>
              ),
            },
            { key: 'to', label: t('dist.toResidents'), children: <strong data-testid="dist-total">{formatFen(v.distributed)}</strong> },
            { key: 'pieces', label: t('dist.pieces'), children: t('dist.piecesOfAccepted', { n: v.total_pieces.toLocaleString(), accepted: v.accepted.toLocaleString() }) },
            ...(v.piece_rate > 0 ? [{ key: 'rate', label: t('dist.rate'), children: <span data-testid="dist-rate">{formatRate(v.piece_rate)}</span> }] : []),
            {
              key: 'paidOut',
              label: t('dist.paidOut'),
              children: (
                <span data-testid="dist-paid-out">
                  {v.awaiting_payout > 0 ? t('dist.awaitingPayout', { sent: formatFen(v.paid_out), net: formatFen(v.net) }) : t('dist.paidOutAll', { sent: formatFen(v.paid_out) })}
                </span>
              ),
            },
          ]}
        />
        <Typography.Paragraph type="secondary" className="terms-note" style={{ margin: 0 }}>
          {t('dist.method')}
        </Typography.Paragraph>
      </Card>
      {!frozen && v.unrecorded !== 0 && v.total_pieces + v.unrecorded > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="dist-unrecorded"
          message={v.unrecorded > 0 ? t('dist.unrecorded', { n: v.unrecorded.toLocaleString() }) : t('dist.overRecorded', { n: (-v.unrecorded).toLocaleString() })}
          description={t('dist.unrecordedHelp')}
        />
      )}
      {!frozen && !x.approve.allowed && <Alert type="info" showIcon message={reasonText(x.approve, lang)} data-testid="dist-blocker" />}
      {frozen && v.basis_note && <Alert type="info" showIcon message={t('dist.basisNote', { note: v.basis_note })} data-testid="dist-basis" />}
      {frozen && !x.mark_paid.allowed && v.paid < v.lines.length && (
        <Alert type="warning" showIcon message={reasonText(x.mark_paid, lang)} data-testid="dist-wait-payout" />
      )}
      {frozen && (
        <Alert
          type={v.status === 'paid' ? 'success' : 'warning'}
          showIcon
          message={t('dist.paidCount', { paid: v.paid, n: v.lines.length })}
          description={v.approved_at ? t('dist.approvedBy', { name: v.approved_by, at: formatDate(lang, v.approved_at, true) }) : undefined}
        />
      )}
      {!frozen && v.reason_required && x.approve.allowed && (
        <div>
          <label htmlFor="dist-reason" className="money-due-title">
            {t('dist.reasonLabel')}
          </label>
          <Input.TextArea
            id="dist-reason"
            rows={2}
            maxLength={500}
            value={reason}
            status={approveError ? 'error' : undefined}
            placeholder={t('dist.reasonHint')}
            onChange={(e) => setReason(e.target.value)}
            data-testid="dist-reason"
          />
        </div>
      )}
      {approve.isError && <Alert type="error" showIcon message={approveError ?? errorText(approve.error, t)} />}
      <Space wrap>
        {!frozen && (
          <Popconfirm
            title={t('dist.approveConfirm')}
            onConfirm={() => approve.mutate({ bp: fundBp, reason })}
            okButtonProps={{ 'data-testid': 'dist-approve-ok' } as Record<string, string>}
          >
            <Button type="primary" icon={<CheckOutlined />} disabled={!x.approve.allowed} loading={approve.isPending} data-testid="dist-approve">
              {t('dist.approve')}
            </Button>
          </Popconfirm>
        )}
        <Button icon={<DownloadOutlined />} href={distributionXLSXURL(v.contract.id)}>
          {t('dist.xlsx')}
        </Button>
        {!frozen && (
          <Link to={`/contracts/${v.contract.id}/pieces`}>
            <Button>{t('dist.toPieces')}</Button>
          </Link>
        )}
      </Space>
      {v.lines.length === 0 ? (
        <Empty description={t('dist.empty')} />
      ) : (
        <List
          bordered
          dataSource={v.lines}
          renderItem={(l) => (
            <List.Item
              data-testid="dist-line"
              actions={
                l.id
                  ? [
                      l.paid_at ? (
                        <Tag color="success" key="paid">
                          {t(`pay.${l.paid_method || 'cash'}` as const)}
                        </Tag>
                      ) : x.mark_paid.allowed ? (
                        <Button key="pay" size="small" type="primary" ghost onClick={() => setPaying(l)} data-testid="dist-pay">
                          {t('dist.markPaid')}
                        </Button>
                      ) : (
                        <Tag key="wait">{t('dist.unpaid')}</Tag>
                      ),
                      <Link key="slip" to={`/contracts/${v.contract.id}/payslips/${l.id}`} data-testid="dist-payslip">
                        <PrinterOutlined /> {t('dist.payslip')}
                      </Link>,
                    ]
                  : undefined
              }
            >
              <List.Item.Meta title={l.name} description={t('dist.lineText', { n: l.pieces.toLocaleString(), share: formatShare(l.share_bp) })} />
              <strong className="dist-amount">{formatFen(l.amount)}</strong>
            </List.Item>
          )}
        />
      )}
      {paying && <PayModal key={paying.id} line={paying} onClose={() => setPaying(null)} />}
    </Space>
  );
}
