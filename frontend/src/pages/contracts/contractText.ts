import type { ContractView, Me } from '../../api/types';
import type { MessageKey, TFunction } from '../../i18n';
import { formatDate } from '../../i18n';
import type { Lang } from '../../prefs/store';
import { formatFen } from '../../lib/money';

export type Side = 'company' | 'workshop' | 'other';

/** Which party the viewer is, from the server's role (staff and others see neutral texts). */
export function sideOf(c: Pick<ContractView, 'role'>, _me?: Me | null): Side {
  if (c.role === 'company' || c.role === 'workshop') return c.role;
  return 'other';
}

type Next = ContractView['next'];

/** Who the step waits for, by name. */
function whoName(c: Pick<ContractView, 'company' | 'workshop'>, next: Next, t: TFunction): string {
  switch (next.who) {
    case 'company':
      return c.company.name;
    case 'workshop':
      return c.workshop.name;
    case 'staff':
    case 'finance':
    case 'system':
      return t(`next.who.${next.who}` as MessageKey);
  }
  return '';
}

/** What has to happen next, in words for this caller: their own task
 *  ("you") or who everyone waits for — all from the server's `next`. */
export function nextStepText(c: Pick<ContractView, 'company' | 'workshop' | 'next'>, t: TFunction, lang: Lang): string {
  const n = c.next;
  const key = `next.${n.step}.${n.who === 'you' ? 'you' : 'wait'}` as MessageKey;
  return t(key, {
    who: whoName(c, n, t),
    amount: formatFen(n.amount ?? 0),
    quantity: (n.quantity ?? 0).toLocaleString(),
    date: n.due_at ? formatDate(lang, n.due_at, true) : '',
    reference: n.payment?.reference ?? '',
  });
}
