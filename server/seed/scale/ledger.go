package scale

import (
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
)

// The ledger is built with the same movements the money workflows post
// (market.Received, Allocate, Release, Sent, ReturnHeld, SettleMovements)
// and the same posting keys, so a generated contract's ledger reads exactly
// like one driven through the API. Balances are kept here and checked in
// the database after loading (Check).

type acctKey struct {
	kind     market.AccountKind
	contract uuid.UUID // zero for platform accounts
	provider string
}

type ledger struct {
	ids     map[acctKey]int64
	keys    []acctKey
	balance []int64
	tx      [][]any
	entries [][]any
	// per contract: the payments (by purpose) and what each has left to refund
	payments map[uuid.UUID]map[string]uuid.UUID
	released map[uuid.UUID]int64 // workshop net released per contract
	pieces   map[uuid.UUID][]market.PieceShare
}

const provider = "manual"

func newLedger() *ledger {
	return &ledger{ids: map[acctKey]int64{}, payments: map[uuid.UUID]map[string]uuid.UUID{}, released: map[uuid.UUID]int64{},
		pieces: map[uuid.UUID][]market.PieceShare{}}
}

func (l *ledger) account(kind market.AccountKind, contract uuid.UUID, prov string) int64 {
	key := acctKey{kind: kind}
	if kind.PerContract() {
		key.contract = contract
	} else if kind == market.AccProviderClearing {
		key.provider = prov
	}
	if id, ok := l.ids[key]; ok {
		return id
	}
	l.keys = append(l.keys, key)
	l.balance = append(l.balance, 0)
	id := int64(len(l.keys))
	l.ids[key] = id
	return id
}

func (l *ledger) bal(kind market.AccountKind, contract uuid.UUID) int64 {
	if id, ok := l.ids[acctKey{kind: kind, contract: contract}]; ok {
		return l.balance[id-1]
	}
	return 0
}

// post books one movement (skipping an empty one, as the workflows do).
func (l *ledger) post(contract uuid.UUID, key, memo string, m market.Movement, prov string, payment, disb any, at time.Time) {
	if len(m.Lines) == 0 {
		return
	}
	if err := m.Check(); err != nil {
		panic(err) // a generator bug: the movements are built by market
	}
	txID := int64(len(l.tx) + 1)
	l.tx = append(l.tx, []any{txID, contract, m.Kind, key, memo, payment, disb, at})
	for _, line := range m.Lines {
		id := l.account(line.Account, contract, prov)
		l.balance[id-1] += line.Amount
		l.entries = append(l.entries, []any{int64(len(l.entries) + 1), txID, id, line.Amount})
	}
}

func (l *ledger) tables(g *gen) {
	acc := g.t["ledger_accounts"]
	for i, key := range l.keys {
		var contract any
		if key.contract != (uuid.UUID{}) {
			contract = key.contract
		}
		acc.add(int64(i+1), string(key.kind), contract, key.provider, "CNY", l.balance[i])
	}
	g.t["ledger_transactions"].rows = l.tx
	g.t["ledger_entries"].rows = l.entries
}

// pay records a bank transfer confirmed in full by finance.
func (g *gen) pay(c *k, purpose string, payer uuid.UUID, amount int64, at time.Time) {
	id := g.r.uuid()
	ref := g.reference(at)
	g.t["payments"].add(id, c.id, purpose, payer, provider, int32(1), amount, amount, "CNY", "succeeded", ref, "BANK-"+ref[3:], at, at, at)
	l := g.ledger
	if l.payments[c.id] == nil {
		l.payments[c.id] = map[string]uuid.UUID{}
	}
	l.payments[c.id][purpose] = id
	l.post(c.id, "pay:"+id.String()+":received", ref, market.Received(amount), provider, id, nil, at)
	alloc, _ := market.Allocate(market.PaymentPurpose(purpose), amount, amount)
	l.post(c.id, "pay:"+id.String()+":allocated", ref, alloc, provider, id, nil, at)
}

// disburse queues money going out and, when sent, books it as sent.
func (g *gen) disburse(c *k, kind market.DisbursementKind, to uuid.UUID, amount int64, payment any, key string, sent bool, at time.Time) {
	if amount <= 0 {
		return
	}
	id := g.r.uuid()
	status, bank, sentAt := "queued", "", any(nil)
	if sent {
		status, bank, sentAt = "sent", "PAY-"+id.String()[:8], at
	}
	g.t["disbursements"].add(id, c.id, string(kind), to, provider, amount, "CNY", payment, status, key, bank, at, at, sentAt)
	if sent {
		g.ledger.post(c.id, "disb:"+id.String()+":sent", "", market.Sent(kind, amount), provider, nil, id, at)
	}
}

// refund returns held money of a purpose to whoever paid it.
func (g *gen) refund(c *k, purpose string, amount int64, why string, at time.Time) {
	pid, ok := g.ledger.payments[c.id][purpose]
	if !ok || amount <= 0 {
		return
	}
	to := c.company
	if purpose == "deposit" {
		to = c.workshop
	}
	g.disburse(c, market.DisburseRefund, to, amount, pid, "refund:"+pid.String()+":"+why, true, at)
}

// returnHeld is a cancellation: everything held goes back, refunds sent.
func (g *gen) returnHeld(c *k, why string, at time.Time) {
	l := g.ledger
	escrow, deposit := l.bal(market.AccEscrow, c.id), l.bal(market.AccDeposit, c.id)
	l.post(c.id, "return:"+c.id.String()+":"+why, why, market.ReturnHeld(escrow, deposit), "", nil, nil, at)
	g.refund(c, "escrow", escrow, why, at)
	g.refund(c, "deposit", deposit, why, at)
}

// release pays out an inspection's accepted units; the payout is sent once
// the contract has settled.
func (g *gen) release(c *k, delivery uuid.UUID, accepted int64, sent bool, at time.Time) {
	m, net, _, err := market.Release(accepted, c.price, CommissionBP)
	if err != nil || accepted <= 0 {
		return
	}
	key := "delivery:" + delivery.String()
	g.ledger.post(c.id, "release:"+key, market.FormatYuan(net)+" net", m, "", nil, nil, at)
	g.ledger.released[c.id] += net
	g.disburse(c, market.DisbursePayout, c.workshop, net, nil, "payout:"+key, sent, at.Add(24*time.Hour))
}

// settle closes a contract whose material is all delivered: unused escrow
// and the whole deposit go back.
func (g *gen) settle(c *k, at time.Time) {
	l := g.ledger
	res, _ := market.Settle(market.SettlementInput{EscrowHeld: l.bal(market.AccEscrow, c.id), DepositHeld: l.bal(market.AccDeposit, c.id)})
	escrow, deposit := market.SettleMovements(res)
	l.post(c.id, "settle:"+c.id.String()+":escrow", "", escrow, "", nil, nil, at)
	g.refund(c, "escrow", res.EscrowRefund, "settled", at)
	l.post(c.id, "settle:"+c.id.String()+":deposit", "", deposit, "", nil, nil, at)
	g.refund(c, "deposit", res.DepositRefund, "settled", at)
}

// distribution is the coordinator's approved split of the contract's net.
func (g *gen) distribution(c *k, w org, at time.Time) {
	shares := g.ledger.pieces[c.id]
	net := g.ledger.released[c.id]
	fund := []int{0, 0, 500, 1000}[g.r.IntN(4)]
	d, err := market.Distribute(net, fund, shares)
	if err != nil || d.TotalPieces == 0 {
		return
	}
	id := g.r.uuid()
	g.t["distributions"].add(id, c.id, w.id, net, fund, d.CommunityFund, d.Distributed, d.TotalPieces, at)
	paid := g.r.chance(80)
	for _, s := range shares {
		rid := uuid.MustParse(s.Key)
		var paidAt, method any
		ref := ""
		if paid {
			paidAt, method = at.Add(48*time.Hour), []string{"cash", "wechat", "bank"}[g.r.IntN(3)]
			if method != "cash" {
				ref = "T" + rid.String()[:10]
			}
		}
		g.t["distribution_lines"].add(g.r.uuid(), id, rid, g.resNames[rid], s.Pieces, d.Amounts[s.Key], paidAt, method, ref)
	}
}
