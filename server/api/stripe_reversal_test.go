package api_test

import (
	"context"
	"testing"

	"doorstep/server/payments/stripetest"
)

// newPaidOutContract is a Stripe contract whose workshop has been paid
// through a real (stripe-mock) transfer: escrow funded by a card payment,
// the workshop's Connect account ready, 100 pieces delivered and accepted,
// and the payout sent. It returns the payout's id, its transfer and its
// amount (100 × ¥1.50 less 3 % commission: 14,550 fen).
func newPaidOutContract(t *testing.T) (f *contractFixture, payoutID, transfer string, net int64) {
	f = newStripeContract(t, stripetest.URL(t))
	p := f.pay("owner", "fund", 201)
	md := map[string]string{"contract_id": f.contractID, "payment_id": p.str("id"), "purpose": "escrow"}
	f.deliver("evt_funded", "payment_intent.succeeded", map[string]any{"id": f.intentOf(p.str("id")), "object": "payment_intent",
		"amount": 150000, "amount_received": 150000, "currency": "cny", "status": "succeeded", "latest_charge": "ch_rev_1", "metadata": md}, 200)
	f.eventsDone()
	ws := "/orgs/" + f.as["workshop"].orgID + "/payout-account"
	f.post("workshop", ws+"/stripe-link", nil, 200)
	acct := f.mustStatus(req{method: "GET", path: "/api/v1" + ws, token: f.as["workshop"].token}, 200).str("stripe_account")
	f.deliver("evt_acct_ready", "account.updated", map[string]any{"id": acct, "object": "account", "payouts_enabled": true}, 200)
	f.eventsDone()

	k := "/contracts/" + f.contractID
	d := f.post("owner", k+"/dispatches", map[string]any{"quantity": 100, "method": "carrier", "carrier": "顺丰", "tracking_no": "SF1234567890"}, 201)
	f.post("workshop", "/dispatches/"+d.str("id")+"/receive", map[string]any{"quantity": 100}, 200)
	del := f.post("workshop", k+"/deliveries", map[string]any{"quantity": 100}, 201)
	f.post("owner", "/deliveries/"+del.str("id")+"/inspect", map[string]any{"accepted": 100}, 200)
	waitFor(t, "the payout to be sent", func() bool {
		return f.pool.QueryRow(context.Background(), `SELECT id, provider_ref, amount FROM disbursements
			WHERE contract_id = $1 AND kind = 'payout' AND status = 'sent'`, f.contractID).Scan(&payoutID, &transfer, &net) == nil
	})
	if net != 14550 {
		t.Fatalf("payout of %d fen", net)
	}
	return f, payoutID, transfer, net
}

// reversal delivers Stripe's transfer.reversed: amount_reversed is the
// running total, as Stripe reports it.
func (f *contractFixture) reversal(eventID, transfer string, amount, reversedTotal int64) {
	f.t.Helper()
	f.deliver(eventID, "transfer.reversed", map[string]any{"id": transfer, "object": "transfer", "amount": amount,
		"amount_reversed": reversedTotal}, 200)
}

// reversedBooked is what the ledger booked back to the workshop for a payout.
func (f *contractFixture) reversedBooked(payoutID string) int {
	return f.count(`SELECT coalesce(sum(e.amount), 0) FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id
		JOIN ledger_accounts a ON a.id = e.account_id
		WHERE t.disbursement_id = $1 AND t.kind = 'payout_reversed' AND a.kind = 'workshop_payable'`, payoutID)
}

// TestTransferReversalsAreCumulative: Stripe reports the running total
// reversed. A partial reversal and then the full one book the whole payout
// back exactly once; replays, and the older event arriving late under a
// new id, book nothing more.
func TestTransferReversalsAreCumulative(t *testing.T) {
	t.Parallel()
	f, payout, transfer, net := newPaidOutContract(t)
	const part = 5000
	for range 2 {
		f.reversal("evt_rev_part", transfer, net, part)
	}
	f.eventsDone()
	if got := f.reversedBooked(payout); got != part {
		t.Fatalf("after the partial reversal %d fen booked back, want %d", got, part)
	}
	for range 2 {
		f.reversal("evt_rev_full", transfer, net, net)
	}
	f.reversal("evt_rev_part_late", transfer, net, part) // the older total, arriving last
	f.eventsDone()
	if got := f.reversedBooked(payout); got != int(net) {
		t.Fatalf("after the full reversal %d fen booked back, want %d", got, net)
	}
	if n := f.count("SELECT count(*) FROM ledger_transactions WHERE disbursement_id = $1 AND kind = 'payout_reversed'", payout); n != 2 {
		t.Fatalf("%d reversal postings, want 2 (the part, then the rest)", n)
	}
	if n := f.count("SELECT amount_reversed FROM disbursements WHERE id = $1 AND status = 'reversed'", payout); n != int(net) {
		t.Fatalf("amount_reversed %d", n)
	}
	ledgerSound(t, f.st)
}

// TestTransferReversalPaysAgain: money a reversal books back to the workshop
// is queued as a new payout (each step once), sent, and shown with its
// reason on the contract and the finance page; nothing is left owed.
func TestTransferReversalPaysAgain(t *testing.T) {
	t.Parallel()
	f, payout, transfer, net := newPaidOutContract(t)
	const part = 5000
	f.reversal("evt_rev_part", transfer, net, part)
	f.reversal("evt_rev_full", transfer, net, net)
	f.reversal("evt_rev_full", transfer, net, net)
	f.eventsDone()
	reissues := f.count("SELECT count(*) FROM disbursements WHERE reissue_of = $1 AND kind = 'payout' AND recipient_org_id = $2",
		payout, f.as["workshop"].orgID)
	total := f.count("SELECT coalesce(sum(amount), 0) FROM disbursements WHERE reissue_of = $1", payout)
	// The events are processed by jobs in either order: the full reversal
	// first books it all at once (the partial one, older, then books
	// nothing); in order, each books its step.
	if reissues < 1 || reissues > 2 || total != int(net) {
		t.Fatalf("%d payouts queued again for %d fen, want 1 or 2 for %d", reissues, total, net)
	}
	waitFor(t, "the payouts sent again", func() bool {
		return f.count("SELECT count(*) FROM disbursements WHERE reissue_of = $1 AND status = 'sent'", payout) == reissues
	})
	if tab := f.money("workshop"); num(tab, "held.workshop_payable") != 0 {
		t.Fatalf("still owed to the workshop: %s", tab.raw)
	}

	// The contract's money view and the finance list say why.
	seen := map[string]int64{}
	for _, d := range f.money("owner").field("disbursements").([]any) {
		m := d.(map[string]any)
		switch {
		case m["id"] == payout:
			seen["reversed"] = int64(m["amount_reversed"].(float64))
		case m["reissue_of"] == payout:
			seen["reissued"] += int64(m["amount"].(float64))
		}
	}
	if seen["reversed"] != net || seen["reissued"] != net {
		t.Fatalf("money view: %v", seen)
	}
	list := f.mustStatus(req{method: "GET", path: "/api/v1/finance/disbursements?status=sent&per_page=50", token: f.as["finance"].token}, 200)
	n := 0
	for _, d := range list.field("items").([]any) {
		if d.(map[string]any)["reissue_of"] == payout {
			n++
		}
	}
	if n != reissues { // one or two, by the order the jobs ran the events in
		t.Fatalf("the finance list shows %d reissued payouts, want %d: %s", n, reissues, list.raw)
	}
	ledgerSound(t, f.st)
}
