import type { Org } from '../../../api/types';

/** Where the organisation is paid (bank account or Stripe Connect). (The money work fills this in.) */
export default function PayoutAccountCard(_props: { org: Org; owner: boolean }) {
  return null;
}
