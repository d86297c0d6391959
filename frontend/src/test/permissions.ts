// Permissions as the server sends them (market/policy.go): allowed, or
// refused with the reason in both languages. Fixtures build each view's
// `actions` from these, naming what is allowed, so a test reads like the
// server's answer for that caller and state.
import type { Permission } from '../lib/permissions';
import type { BidView, OrderView } from '../api/types';

export type OrderCan = OrderView['actions'];
export type BidCan = BidView['actions'];

export const allow = (): Permission => ({ allowed: true });
export const deny = (zh = '不能执行此操作', en = 'not allowed'): Permission => ({ allowed: false, reason: { zh, en } });

type Grant = true | Permission;
const grant = (g: Grant | undefined, otherwise: Permission): Permission => (g === true ? allow() : (g ?? otherwise));

const ORDER_ACTIONS = ['edit', 'submit', 'cancel', 'approve', 'reject', 'suspend', 'reinstate', 'report', 'bid', 'view_bids', 'invite'] as const;
const BID_ACTIONS = ['revise', 'withdraw', 'accept', 'reject'] as const;

/** An order's actions: those named are allowed (true) or refused as given; the rest refused. */
export function orderCan(grants: Partial<Record<keyof OrderCan, Grant>> = {}, otherwise = deny('不能执行此操作', 'not allowed')): OrderCan {
  return Object.fromEntries(ORDER_ACTIONS.map((a) => [a, grant(grants[a], otherwise)])) as OrderCan;
}

/** A bid's actions, the same way. */
export function bidCan(grants: Partial<Record<keyof BidCan, Grant>> = {}, otherwise = deny('不能执行此操作', 'not allowed')): BidCan {
  return Object.fromEntries(BID_ACTIONS.map((a) => [a, grant(grants[a], otherwise)])) as BidCan;
}

// The server's own refusals (market/orderpolicy.go, bidpolicy.go, bids.go), for realistic fixtures.
export const refusals = {
  notOwner: deny('只有发布订单的企业可以执行此操作', 'only the company that posted the order can do this'),
  moderatorsOnly: deny('只有平台审核人员可以执行此操作', 'only platform moderators can do this'),
  termsFrozen: deny('已有报价被接受，订单条款已锁定，不能修改', 'the terms are frozen once a bid has been accepted'),
  cancelAwarded: deny('已有报价被接受，订单不能取消，请在合同中处理', 'cannot cancel an order with an accepted bid; handle it in the contract'),
  biddingClosed: deny('订单报名已截止', 'bidding for this order has closed'),
  alreadyBid: deny('您已对该订单报价，可修改或撤回原报价', 'you already have an open bid on this order; revise or withdraw it'),
  signInToBid: deny('请先登录工坊账号再报价', 'sign in with a workshop account to bid'),
  notBidder: deny('只有报价的工坊可以执行此操作', 'only the workshop that bid can do this'),
  bidClosed: deny('报价已结束，不能再修改', 'this bid is no longer open'),
  bidAccepted: deny('该报价已被接受', 'this bid has already been accepted'),
  unverifiedWorkshop: deny('该工坊尚未通过平台认证，认证后才能授予；可以先拒绝或等待认证', 'this workshop is not verified yet; it can be awarded once platform staff verify it'),
  tooMany: (qty: number, left: number) =>
    deny(`报价数量${qty}件超过订单剩余的${left}件，请工坊修改报价`, `the bid's ${qty} units exceed the ${left} remaining; ask the workshop to revise it`),
  state: (status: string, action: string) => deny(`订单当前状态为“${status}”，不能执行“${action}”`, `cannot ${action} an order that is ${status}`),
};
