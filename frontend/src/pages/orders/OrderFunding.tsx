import { Link } from 'react-router';
import { Alert } from 'antd';
import { useOrdersT } from '../../i18n/orders';
import type { OrderDetail } from '../../api/types';
import { formatFen } from '../../lib/money';

/** The company's escrow still to fund across an order split between
 *  workshops (GET /orders/:id `funding`): the total, then each contract with
 *  the transfer already on its way, so nothing is paid twice or forgotten. */
export default function OrderFunding({ funding: f }: { funding: NonNullable<OrderDetail['funding']> }) {
  const t = useOrdersT();
  if (f.contracts.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="order-funding"
      message={t('funding.total', { amount: formatFen(f.owed), n: f.contracts.length })}
      description={
        <ul className="plain-list funding-lines">
          {f.contracts.map((c) => (
            <li key={c.contract_id} data-testid="funding-line">
              <span>{t('funding.line', { workshop: c.workshop_name, n: c.quantity.toLocaleString(), amount: formatFen(c.owed) })}</span>
              <Link to={`/contracts/${c.contract_id}`} className="funding-link">
                {c.can_fund ? t('funding.fund') : t('bid.toContract')}
              </Link>
              {c.payment && (
                <span className="terms-note funding-payment">
                  {c.payment.provider === 'manual'
                    ? t('funding.transfer', { amount: formatFen(c.payment.amount), ref: c.payment.reference })
                    : t('funding.card', { amount: formatFen(c.payment.amount) })}
                </span>
              )}
            </li>
          ))}
        </ul>
      }
    />
  );
}
