import type { ContractView } from '../../../api/types';
import type { Side } from '../contractText';

/** The timeline: materials, deliveries, inspections, disputes, messages. (The fulfilment work fills this in.) */
export default function FulfilmentPanel(_props: { c: ContractView; side: Side }) {
  return null;
}
