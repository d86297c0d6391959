import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Card, Skeleton } from 'antd';
import type { ContractView } from '../../../api/types';
import type { Side } from '../contractText';
import { useT } from '../../../i18n';
import { contractKey } from '../../../api/keys';
import { useContractPayments, type ContractPayments } from '../../../api/money';
import Fold from '../../../components/Fold';
import { LoadError } from '../../../components/PageState';
import PayIn from './PayIn';
import MoneyTab from './MoneyTab';
import CancelContract from './CancelContract';
import '../../../i18n/lifecycle';

/** The money on the contract page: paying in while it awaits funding
 *  (escrow by the company, deposit by the workshop), cancelling before
 *  production, and the money tab — payments in, money held, money out and
 *  the ledger — for both parties and staff. */
export default function FundingPanel({ c, side, phone }: { c: ContractView; side: Side; phone: boolean }) {
  const t = useT();
  const allowed = c.actions.view_money.allowed;
  const money = useContractPayments(c.id, allowed);
  useContractFollowsMoney(c.id, money.data);

  if (!allowed) return null;
  if (money.isPending) {
    return (
      <Card size="small" title={t('money.tab.title')}>
        <Skeleton active paragraph={{ rows: 3 }} />
      </Card>
    );
  }
  if (money.isError) return <LoadError error={money.error} onRetry={() => void money.refetch()} />;
  const m = money.data;
  return (
    <>
      {/* A cancellation waiting for an answer comes first; the way to ask for one last. */}
      {c.cancel_requested_by && <CancelContract c={c} m={m} />}
      {c.stage === 'funding' && <PayIn c={c} side={side} m={m} />}
      <Fold phone={phone} title={t('money.tab.title')} testId="fold-money">
        <MoneyTab c={c} m={m} />
      </Fold>
      {!c.cancel_requested_by && <CancelContract c={c} m={m} />}
    </>
  );
}

/** When money moves (finance staff matched a transfer, Stripe confirmed a
 *  card payment) the contract's status and next step move too: refetch it. */
function useContractFollowsMoney(id: string, m: ContractPayments | undefined) {
  const qc = useQueryClient();
  const last = useRef<string | undefined>(undefined);
  const sig = m && [m.held.escrow, m.held.deposit, ...m.payments.map((p) => p.id + p.status), ...m.disbursements.map((d) => d.id + d.status)].join('|');
  useEffect(() => {
    if (sig === undefined) return;
    if (last.current !== undefined && last.current !== sig) void qc.invalidateQueries({ queryKey: contractKey(id) });
    last.current = sig;
  }, [sig, id, qc]);
}
