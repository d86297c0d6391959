import type { ContractView, Me, NextStep } from '../../api/types';
import type { MessageKey, TFunction } from '../../i18n';
import { formatFen } from '../../lib/money';
import { depositQuoteText } from '../../components/bids/figures';

export type Side = 'company' | 'workshop' | 'other';

/** Which party the viewer is (staff and others see neutral texts). */
export function sideOf(c: Pick<ContractView, 'company' | 'workshop'>, me: Me | null | undefined): Side {
  const id = me?.org?.id;
  if (id && id === c.company.id) return 'company';
  if (id && id === c.workshop.id) return 'workshop';
  return 'other';
}

/** What happens next, in words for the viewer's side. */
export function nextStepText(c: ContractView, side: Side, t: TFunction): string {
  const step: NextStep = c.next_step;
  const vars = {
    amount: formatFen(c.escrow_amount),
    deposit: depositQuoteText(c.deposit, t),
    days: c.quality.inspection_days,
    company: c.company.name,
    workshop: c.workshop.name,
  };
  const key = `next.${step}.${side}` as MessageKey;
  let text = t(key, vars);
  if (side === 'workshop' && step === 'fund_escrow') {
    const d = c.deposit;
    if (d.waived) text += t('next.depositWaived');
    else if (d.kind !== 'none' && d.amount > 0) text += t('next.depositOwed', { deposit: formatFen(d.amount) });
  }
  return text;
}
