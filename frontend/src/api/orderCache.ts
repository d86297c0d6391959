import { useQueryClient } from '@tanstack/react-query';
import { orderKey, ordersKey, searchKey } from './keys';
import type { OrderDetail, OrderView } from './types';

// Apart from orders.ts because the staff queue (moderation.ts, which the
// navigation loads on every page) needs it, and orders.ts need not load there.

/** Any order change: refresh lists and the detail (history, status). */
export function useOrderSaved() {
  const qc = useQueryClient();
  return (o: OrderView) => {
    qc.setQueryData<OrderDetail>(orderKey(o.id), (old) => (old ? { ...old, ...o } : old));
    void qc.invalidateQueries({ queryKey: ordersKey });
    void qc.invalidateQueries({ queryKey: searchKey });
  };
}
