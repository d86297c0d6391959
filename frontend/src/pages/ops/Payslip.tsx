import { useParams, Link } from 'react-router';
import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { formatDate, useLang, useT } from '../../i18n';
import { useDistribution } from '../../api/workshopOps';
import { formatBp, formatFen, formatRate, formatShare } from '../../lib/money';
import { LoadError, PageSkeleton } from '../../components/PageState';
import ErrorResult from '../../components/ErrorResult';
import { craftName } from '../../components/orders/terms';

/** /contracts/:id/payslips/:lineId — one resident's payslip, in large type, for A4 print. */
export default function Payslip() {
  const t = useT();
  const lang = useLang();
  const { id = '', lineId = '' } = useParams();
  const d = useDistribution(id, null);
  if (d.isPending) return <PageSkeleton />;
  if (d.isError) return <LoadError error={d.error} onRetry={() => void d.refetch()} />;
  const v = d.data;
  const l = v.lines.find((x) => x.id === lineId);
  if (!l) return <ErrorResult status={404} title={t('error.404.title')} text={t('slip.notFound')} />;
  const colon = lang === 'zh' ? '：' : ': ';
  const row = (label: string, value: React.ReactNode, big = false) => (
    <tr className={big ? 'big' : undefined}>
      <th>{label}</th>
      <td>{value}</td>
    </tr>
  );
  return (
    <div className="payslip-wrap">
      <div className="no-print payslip-actions">
        <Link to={`/contracts/${id}/distribution`}>{t('slip.back')}</Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('slip.print')}
        </Button>
      </div>
      <article className="payslip" data-testid="payslip">
        <h1>{t('slip.title')}</h1>
        <p className="payslip-org">{v.contract.workshop_name}</p>
        <table>
          <tbody>
            {row(t('slip.resident'), l.name, true)}
            {row(t('slip.contract'), lang === 'zh' ? `${v.contract.title}（${craftName(v.contract, lang)}）` : `${v.contract.title} (${craftName(v.contract, lang)})`)}
            {row(t('slip.company'), v.contract.company_name)}
            {row(t('slip.pieces'), `${l.pieces.toLocaleString()} · ${t('slip.shareText', { total: v.total_pieces.toLocaleString(), share: formatShare(l.share_bp) })}`)}
            {row(t('slip.rate'), formatRate(v.piece_rate))}
            {row(t('slip.how'), <span data-testid="payslip-calc">{t('slip.calc', { n: l.pieces.toLocaleString(), rate: formatRate(v.piece_rate), amount: formatFen(l.amount) })}</span>)}
            {row(t('slip.amount'), <strong data-testid="payslip-amount">{formatFen(l.amount)}</strong>, true)}
            {row(
              t('slip.payment'),
              l.paid_at ? `${t(`pay.${l.paid_method || 'cash'}` as const)} ${l.paid_reference} · ${formatDate(lang, l.paid_at)}` : t('slip.unpaid'),
            )}
          </tbody>
        </table>
        <p className="payslip-note">{t('dist.method')}</p>
        {v.basis_note && <p className="payslip-note" data-testid="payslip-basis">{t('dist.basisNote', { note: v.basis_note })}</p>}
        {v.community_fund > 0 && <p className="payslip-note">{t('slip.fundNote', { rate: formatBp(v.community_fund_bp), amount: formatFen(v.community_fund) })}</p>}
        <div className="payslip-sign">
          <span>
            {t('slip.signature')}
            {colon}
          </span>
          <span>
            {t('slip.date')}
            {colon}
          </span>
        </div>
      </article>
    </div>
  );
}
