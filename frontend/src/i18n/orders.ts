// The order and bid pages' Chinese (i18n/zh/orders.ts), loaded with those
// pages instead of on the first page. Checked, not remembered: these keys are
// not MessageKeys, so only the `t` of useOrdersT() accepts them, and calling
// it is what loads them (tsc fails on a page that uses one without it).
import { addChinese, useT, type MessageKey, type Vars } from './index';
import orders from './zh/orders';

addChinese(orders);

export type OrdersKey = keyof typeof orders;
export type OrdersT = (key: MessageKey | OrdersKey, vars?: Vars) => string;

/** useT() for the order and bid pages: it also knows their own strings. */
export const useOrdersT = useT as () => OrdersT;
