import type { ContractView } from '../../../api/types';
import type { Side } from '../contractText';

/** Paying in (escrow, deposit) and the contract's money tab. (The money work fills this in.) */
export default function FundingPanel(_props: { c: ContractView; side: Side }) {
  return null;
}
