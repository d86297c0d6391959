import type { ContractView } from '../../../api/types';
import type { Side } from '../contractText';

/** The settlement statement and ratings. (The settlement work fills this in.) */
export default function SettlementPanel(_props: { c: ContractView; side: Side }) {
  return null;
}
