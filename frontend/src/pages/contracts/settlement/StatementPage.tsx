import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useStatement, type Statement, type StatementLine } from '../../../api/settlement';
import { isApiError } from '../../../api/client';
import { useContract } from '../../../api/contracts';
import { formatDate, useLang, useT, type MessageKey } from '../../../i18n';
import { useMe } from '../../../auth/useMe';
import { formatBp, formatFen } from '../../../lib/money';
import { msgText } from '../../../lib/msg';
import { LoadError, PageSkeleton } from '../../../components/PageState';
import ErrorResult from '../../../components/ErrorResult';
import { sideOf } from '../contractText';
import { DepositComputation, DownloadButton, RatingsBlock, depositCase, lineText, visibleLines } from './parts';
import './settlement.css';
import '../../../i18n/lifecycle';

/** /contracts/:id/statement — the settlement statement: printable on A4
 *  ("print / save as PDF"), readable on a phone. */
export default function StatementPage() {
  const t = useT();
  const { id } = useParams();
  const st = useStatement(id);
  if (st.isPending) return <PageSkeleton />;
  if (st.isError) {
    if (isApiError(st.error, 'not_found')) return <ErrorResult status={404} title={t('error.404.title')} text={t('contract.notFound')} />;
    return <LoadError error={st.error} onRetry={() => void st.refetch()} />;
  }
  return <StatementView st={st.data} />;
}

function StatementView({ st }: { st: Statement }) {
  const t = useT();
  const lang = useLang();
  const me = useMe().data;
  // The statement names the parties; the contract (cached from its page) says which one the viewer is.
  const contract = useContract(st.contract_id).data;
  const side = contract ? sideOf(contract, me) : 'other';
  const settled = st.status === 'settled';
  const s = st.totals;
  const dep = depositCase(st);
  return (
    <article className="statement" data-testid="statement">
      <div className="statement-tools no-print">
        <Link to={`/contracts/${st.contract_id}`}>
          <Button icon={<ArrowLeftOutlined />}>{t('set.backToContract')}</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="statement-print">
          {t('set.print')}
        </Button>
        <DownloadButton id={st.contract_id} />
      </div>

      <header className="statement-head">
        <div className="statement-brand">{t('set.st.brand')}</div>
        <Typography.Title level={1} className="statement-title">
          {t('set.st.title')}
        </Typography.Title>
        <div className="statement-contract" data-testid="statement-title">
          {st.title}
        </div>
        <div className="statement-meta">
          <span>{t('contract.number', { id: st.contract_id.slice(0, 8).toUpperCase() })}</span>
          <span>{t(`contractStatus.${st.status}` as MessageKey)}</span>
          {st.settled_at && <span>{t('set.settledAt', { date: formatDate(lang, st.settled_at, true) })}</span>}
        </div>
        {!settled && <p className="statement-draft">{t('set.st.draft')}</p>}
      </header>

      <Section title={t('set.st.terms')} testId="st-terms">
        <dl className="statement-kv">
          <KV label={t('set.st.company')} value={st.company} />
          <KV label={t('set.st.workshop')} value={st.workshop} />
          <KV label={t('set.st.quantity')} value={t('set.pieces', { n: st.quantity.toLocaleString() })} />
          <KV label={t('set.st.unitPrice')} value={t('orders.perPiece', { price: formatFen(st.unit_price) })} />
          <KV label={t('set.st.escrow')} value={formatFen(st.escrow)} />
          <KV
            label={t('set.st.deposit')}
            value={dep === 'waived' ? t('set.st.depositWaived') : dep === 'none' ? t('set.st.depositNone') : formatFen(st.deposit)}
          />
          <KV label={t('set.st.commissionRate')} value={formatBp(st.commission_bp)} />
          <KV label={t('set.st.signed')} value={formatDate(lang, st.created_at, true)} />
        </dl>
      </Section>

      <Lines title={t('set.st.materials')} lines={st.dispatches} testId="st-materials" empty={t('set.st.noMaterials')} />
      <Lines title={t('set.st.deliveries')} lines={visibleLines(st.deliveries)} testId="st-deliveries" empty={t('set.st.noDeliveries')} />
      <Lines title={t('set.st.disputes')} lines={st.disputes} testId="st-disputes" empty={t('set.st.noDisputes')} />
      <Lines title={t('set.st.money')} lines={st.money} testId="st-money" empty={t('set.st.noMoney')} amounts />

      <Section title={t('set.st.totals')} testId="st-totals">
        <dl className="statement-kv statement-totals">
          <KV label={t('set.sum.accepted')} value={t('set.pieces', { n: s.accepted.toLocaleString() })} />
          <KV label={t('set.sum.rejected')} value={t('set.pieces', { n: s.rejected.toLocaleString() })} />
          <KV label={t('set.sum.paidIn')} value={formatFen(s.paid_in)} />
          <KV label={t('set.sum.released')} value={formatFen(s.released)} />
          <KV label={t('set.sum.commission')} value={formatFen(s.commission)} />
          <KV label={t('set.sum.workshopNet')} value={formatFen(s.workshop_net)} strong testId="st-workshop-net" />
          <KV label={t('set.sum.escrowRefunded')} value={formatFen(s.escrow_refunded)} strong testId="st-escrow-refunded" />
          <KV label={t('set.sum.depositRefunded')} value={formatFen(s.deposit_refunded)} testId="st-deposit-refunded" />
          <KV label={t('set.sum.compensation')} value={formatFen(s.compensation)} />
        </dl>
      </Section>

      <Section title={t('set.depositTitle')} testId="st-deposit">
        <DepositComputation st={st} settled={settled} />
      </Section>

      {settled && (
        <Section title={t('set.rate.title')} testId="st-ratings">
          <RatingsBlock st={st} side={side} />
        </Section>
      )}

      <footer className="statement-foot">{t('set.st.footer', { date: formatDate(lang, new Date().toISOString(), true) })}</footer>
    </article>
  );
}

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="statement-section" data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function KV({ label, value, strong, testId }: { label: string; value: string; strong?: boolean; testId?: string }) {
  return (
    <div className="statement-kv-row" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{strong ? <strong>{value}</strong> : value}</dd>
    </div>
  );
}

/** Dated lines: date, item (with its note), quantity or amount. Three columns fit a phone. */
function Lines({ title, lines, testId, empty, amounts }: { title: string; lines: StatementLine[]; testId: string; empty: string; amounts?: boolean }) {
  const t = useT();
  const lang = useLang();
  return (
    <Section title={title} testId={testId}>
      {lines.length === 0 ? (
        <p className="statement-empty">{empty}</p>
      ) : (
        <table className="statement-table">
          <thead>
            <tr>
              <th scope="col">{t('set.st.at')}</th>
              <th scope="col">{t('set.st.item')}</th>
              <th scope="col" className="num">
                {amounts ? t('set.st.amount') : t('set.st.pieces')}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => {
              const note = msgText(l.note, lang).trim();
              return (
                <tr key={i} data-testid="statement-line">
                  <td className="statement-at">{formatDate(lang, l.at, true)}</td>
                  <td>
                    {lineText(l, t)}
                    {note && <div className="statement-note">{note}</div>}
                  </td>
                  <td className="num">{amounts ? formatFen(l.amount) : l.quantity.toLocaleString()}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Section>
  );
}
