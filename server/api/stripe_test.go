package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v76/webhook"

	"doorstep/server/api"
	"doorstep/server/auth"
	"doorstep/server/jobs"
	"doorstep/server/money"
	"doorstep/server/payments/stripetest"
	"doorstep/server/workflows"
	"doorstep/server/workflows/workflowstest"
)

const webhookSecret = "whsec_doorstep_test"

// faultProxy stands in front of stripe-mock (which cannot fail on demand)
// and answers 500 to the first `fail` payment-intent creations, recording
// the idempotency key of every attempt.
type faultProxy struct {
	mu   sync.Mutex
	fail int
	keys []string
}

func newFaultProxy(t testing.TB, target string, fail int) (*faultProxy, string) {
	u, err := url.Parse(target)
	must(t, err)
	p := &faultProxy{fail: fail}
	rp := httputil.NewSingleHostReverseProxy(u)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && r.URL.Path == "/v1/payment_intents" {
			p.mu.Lock()
			p.keys = append(p.keys, r.Header.Get("Idempotency-Key"))
			failing := len(p.keys) <= p.fail
			p.mu.Unlock()
			if failing {
				http.Error(w, `{"error":{"type":"api_error","message":"injected fault"}}`, http.StatusInternalServerError)
				return
			}
		}
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return p, srv.URL
}

// withStripe rebuilds the fixture's app with the Stripe provider (on
// stripe-mock, through apiBase) and runs the money workers.
func withStripe(t *testing.T, f *contractFixture, apiBase string) {
	t.Helper()
	f.cfg.StripeSecretKey, f.cfg.StripeWebhookSecret, f.cfg.StripeAPIBase = "sk_test_doorstep", webhookSecret, apiBase
	provider := money.NewProvider(f.cfg)
	set := workflowstest.New(t, f.st, func(d *workflows.Deps) { d.Config, d.Provider = f.cfg, provider })
	client, err := jobs.NewClient(f.pool, jobs.Deps{Store: f.st, Log: testLogger(t), NoPeriodicJobs: true, Workflows: set})
	must(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	must(t, client.Start(ctx))
	t.Cleanup(func() {
		cancel()
		stop, c2 := context.WithTimeout(context.Background(), 5*time.Second)
		defer c2()
		_ = client.Stop(stop)
	})
	fast := auth.Params{MemoryKiB: 1024, Time: 1, Threads: 1}
	f.app = api.New(api.Options{Config: f.cfg, Store: f.st, Pool: f.pool, Mailer: f.mail, Hash: &fast, Logger: testLogger(t), Provider: provider})
}

// newStripeContract is a contract whose deposit is waived (a guaranteed
// workshop), so escrow alone activates it.
func newStripeContract(t *testing.T, apiBase string) *contractFixture {
	f := &contractFixture{biddingFixture: newBiddingFixture(t)}
	for _, path := range []string{"/verify", "/guarantee"} {
		body := map[string]any{"verified": true, "community_guarantee": true}
		f.mustStatus(req{method: "POST", path: "/api/v1/orgs/" + f.as["workshop"].orgID + path, token: f.as["moderator"].token, body: body}, 200)
	}
	f.as["finance"] = f.staff("fin@doorstep.cn", "finance")
	withStripe(t, f, apiBase)
	f.bidID = f.bid("workshop", bidBody(1000, 150), 201).str("id")
	k := f.bidAction("owner", f.bidID, "accept", confirmAward, 201)
	f.contractID = k.str("id")
	if k.field("deposit.waived") != true {
		t.Fatalf("deposit not waived: %s", k.raw)
	}
	return f
}

// waitFor polls until check passes (jobs run asynchronously).
func waitFor(t testing.TB, what string, check func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !check() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// intentOf waits for the payment's PaymentIntent (created by a job) and
// returns its id.
func (f *contractFixture) intentOf(paymentID string) string {
	f.t.Helper()
	var pi string
	waitFor(f.t, "the PaymentIntent", func() bool {
		r := f.mustStatus(req{method: "GET", path: "/api/v1/payments/" + paymentID, token: f.as["owner"].token}, 200)
		if r.str("client_secret") == "" {
			return false
		}
		must(f.t, f.pool.QueryRow(context.Background(), "SELECT provider_ref FROM payments WHERE id = $1", paymentID).Scan(&pi))
		return true
	})
	return pi
}

// deliver posts a signed event to the webhook.
func (f *contractFixture) deliver(id, typ string, obj map[string]any, want int) {
	f.t.Helper()
	body, err := json.Marshal(map[string]any{"id": id, "object": "event", "type": typ, "api_version": "2023-10-16",
		"created": time.Now().Unix(), "data": map[string]any{"object": obj}})
	must(f.t, err)
	sig := webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: body, Secret: webhookSecret}).Header
	f.mustStatus(req{method: "POST", path: "/api/v1/payments/stripe/webhook", body: body, header: map[string]string{"Stripe-Signature": sig}}, want)
}

// eventsDone waits until every stored event is processed.
func (f *contractFixture) eventsDone() {
	f.t.Helper()
	waitFor(f.t, "webhook events to be processed", func() bool {
		var n int
		must(f.t, f.pool.QueryRow(context.Background(), "SELECT count(*) FROM stripe_events WHERE processed_at IS NULL").Scan(&n))
		return n == 0
	})
}

func (f *contractFixture) count(sql string, args ...any) int {
	f.t.Helper()
	var n int
	must(f.t, f.pool.QueryRow(context.Background(), sql, args...).Scan(&n))
	return n
}

// TestStripeWebhookEvents: every event type delivered three times and out
// of order changes the state once; the money follows the events.
func TestStripeWebhookEvents(t *testing.T) {
	t.Parallel()
	f := newStripeContract(t, stripetest.URL(t))
	p := f.pay("owner", "fund", 201)
	if p.str("provider") != "stripe" {
		t.Fatal(p.raw)
	}
	pi := f.intentOf(p.str("id"))
	md := map[string]string{"contract_id": f.contractID, "payment_id": p.str("id"), "purpose": "escrow"}
	succeeded := map[string]any{"id": pi, "object": "payment_intent", "amount": 150000, "amount_received": 150000, "currency": "cny",
		"status": "succeeded", "latest_charge": "ch_doorstep_1", "metadata": md}
	failed := map[string]any{"id": pi, "object": "payment_intent", "amount": 150000, "amount_received": 0, "currency": "cny",
		"status": "requires_payment_method", "metadata": md, "last_payment_error": map[string]any{"message": "card declined"}}
	// A success, then an older failure arriving late, each three times, interleaved.
	for range 3 {
		f.deliver("evt_pi_ok", "payment_intent.succeeded", succeeded, 200)
		f.deliver("evt_pi_fail", "payment_intent.payment_failed", failed, 200)
	}
	f.eventsDone()
	if r := f.mustStatus(req{method: "GET", path: "/api/v1/payments/" + p.str("id"), token: f.as["owner"].token}, 200); r.str("status") != "succeeded" {
		t.Fatalf("payment: %s", r.raw)
	}
	if s := f.contract("owner").str("status"); s != "active" {
		t.Fatalf("contract: %s", s)
	}
	if n := f.count("SELECT count(*) FROM ledger_transactions WHERE kind = 'payment_received'"); n != 1 {
		t.Fatalf("%d receipts booked", n)
	}
	if n := f.count("SELECT count(*) FROM stripe_events"); n != 2 {
		t.Fatalf("%d events stored", n)
	}
	// An event whose metadata names another contract is ignored.
	forged := map[string]any{"id": "pi_forged", "object": "payment_intent", "amount": 1, "amount_received": 1, "currency": "cny",
		"status": "succeeded", "metadata": map[string]string{"contract_id": "00000000-0000-0000-0000-000000000000", "payment_id": p.str("id"), "purpose": "escrow"}}
	f.deliver("evt_forged", "payment_intent.succeeded", forged, 200)
	f.eventsDone()
	if n := f.count("SELECT count(*) FROM ledger_transactions WHERE kind = 'payment_received'"); n != 1 {
		t.Fatal("a forged event moved money")
	}

	// Staff cancel: the escrow is refunded through Stripe by a job; the
	// charge.refunded event confirms it, three times, once.
	f.mustStatus(req{method: "POST", path: "/api/v1/contracts/" + f.contractID + "/cancel", token: f.as["moderator"].token,
		body: map[string]any{"reason": "双方同意取消"}}, 200)
	var refundRef string
	waitFor(t, "the refund to be sent", func() bool {
		return f.pool.QueryRow(context.Background(), "SELECT provider_ref FROM disbursements WHERE kind = 'refund' AND status = 'sent'").Scan(&refundRef) == nil
	})
	charge := map[string]any{"id": "ch_doorstep_1", "object": "charge", "payment_intent": pi, "amount_refunded": 150000,
		"refunds": map[string]any{"object": "list", "data": []any{map[string]any{"id": refundRef, "object": "refund"}}}}
	for range 3 {
		f.deliver("evt_refunded", "charge.refunded", charge, 200)
	}
	f.eventsDone()
	if n := f.count("SELECT count(*) FROM ledger_transactions WHERE kind = 'refund_sent'"); n != 1 {
		t.Fatalf("%d refunds booked", n)
	}

	// The workshop connects Stripe; account.updated makes it ready to be paid.
	link := f.mustStatus(req{method: "POST", path: "/api/v1/orgs/" + f.as["workshop"].orgID + "/payout-account/stripe-link", token: f.as["workshop"].token}, 200)
	if !strings.HasPrefix(link.str("url"), "https://") {
		t.Fatal(link.raw)
	}
	acct := f.mustStatus(req{method: "GET", path: "/api/v1/orgs/" + f.as["workshop"].orgID + "/payout-account", token: f.as["workshop"].token}, 200)
	if acct.str("provider") != "stripe" || acct.field("payouts_enabled") != false {
		t.Fatal(acct.raw)
	}
	for range 3 {
		f.deliver("evt_acct", "account.updated", map[string]any{"id": acct.str("stripe_account"), "object": "account", "payouts_enabled": true}, 200)
	}
	f.eventsDone()
	acct = f.mustStatus(req{method: "GET", path: "/api/v1/orgs/" + f.as["workshop"].orgID + "/payout-account", token: f.as["workshop"].token}, 200)
	if acct.field("payouts_enabled") != true {
		t.Fatal(acct.raw)
	}

	// A payout Stripe reverses goes back to what the workshop is owed, once.
	_, err := f.pool.Exec(context.Background(), `INSERT INTO disbursements (contract_id, kind, recipient_org_id, provider, amount, currency,
		status, idempotency_key, provider_ref) VALUES ($1, 'payout', $2, 'stripe', 5000, 'CNY', 'sent', 'payout:test', 'tr_doorstep_1')`,
		f.contractID, f.as["workshop"].orgID)
	must(t, err)
	for range 3 {
		f.deliver("evt_reversed", "transfer.reversed", map[string]any{"id": "tr_doorstep_1", "object": "transfer", "amount": 5000, "amount_reversed": 5000}, 200)
	}
	f.eventsDone()
	if n := f.count("SELECT count(*) FROM ledger_transactions WHERE kind = 'payout_reversed'"); n != 1 {
		t.Fatalf("%d reversals booked", n)
	}
	if n := f.count("SELECT count(*) FROM disbursements WHERE provider_ref = 'tr_doorstep_1' AND status = 'reversed'"); n != 1 {
		t.Fatal("payout not marked reversed")
	}
	ledgerSound(t, f.st)
}

// TestStripeWebhookRefusesBadSignatures: a wrong signature, a stale
// timestamp or none at all is a 400 and stores nothing.
func TestStripeWebhookRefusesBadSignatures(t *testing.T) {
	t.Parallel()
	f := newStripeContract(t, stripetest.URL(t))
	body := []byte(`{"id":"evt_x","object":"event","type":"payment_intent.succeeded","data":{"object":{"id":"pi_x","object":"payment_intent"}}}`)
	for name, sig := range map[string]string{
		"wrong secret": webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: body, Secret: "whsec_other"}).Header,
		"stale":        webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: body, Secret: webhookSecret, Timestamp: time.Now().Add(-time.Hour)}).Header,
		"none":         "",
	} {
		r := f.do(req{method: "POST", path: "/api/v1/payments/stripe/webhook", body: body, header: map[string]string{"Stripe-Signature": sig}})
		if r.status != 400 || r.str("error.code") != "invalid" {
			t.Errorf("%s: %d %s", name, r.status, r.raw)
		}
	}
	if n := f.count("SELECT count(*) FROM stripe_events"); n != 0 {
		t.Fatalf("%d events stored", n)
	}
}

// TestStripeRetriesWithSameKey: Stripe answering 500 twice: the River job
// retries with the same idempotency key and one PaymentIntent is recorded.
func TestStripeRetriesWithSameKey(t *testing.T) {
	t.Parallel()
	proxy, base := newFaultProxy(t, stripetest.URL(t), 2)
	f := newStripeContract(t, base)
	p := f.pay("owner", "fund", 201)
	pi := f.intentOf(p.str("id"))
	proxy.mu.Lock()
	keys := append([]string{}, proxy.keys...)
	proxy.mu.Unlock()
	if len(keys) != 3 || keys[0] == "" || keys[0] != keys[1] || keys[1] != keys[2] {
		t.Fatalf("attempts and keys: %q", keys)
	}
	if !strings.HasPrefix(pi, "pi_") || f.count("SELECT count(*) FROM payments WHERE provider_ref IS NOT NULL") != 1 {
		t.Fatalf("payment intent %q", pi)
	}
	if n := f.count("SELECT attempt FROM river_job WHERE kind = 'create_charge'"); n != 3 {
		t.Fatalf("the job ran %d times, want 3", n)
	}
}

// TestStripeSimulatedPayment: in test mode staff send the event Stripe
// would send (built and signed by the provider) through the real webhook
// path; the payment and the contract follow it.
func TestStripeSimulatedPayment(t *testing.T) {
	t.Parallel()
	f := newStripeContract(t, stripetest.URL(t))
	p := f.pay("owner", "fund", 201)
	path := "/api/v1/payments/" + p.str("id") + "/simulate"
	f.mustStatus(req{method: "POST", path: path, token: f.as["owner"].token, body: map[string]any{"outcome": "succeeded"}}, 403)
	f.intentOf(p.str("id"))
	f.mustStatus(req{method: "POST", path: path, token: f.as["finance"].token, body: map[string]any{"outcome": "succeeded"}}, 202)
	f.eventsDone()
	if r := f.mustStatus(req{method: "GET", path: "/api/v1/payments/" + p.str("id"), token: f.as["owner"].token}, 200); r.str("status") != "succeeded" {
		t.Fatalf("payment: %s", r.raw)
	}
	if s := f.contract("owner").str("status"); s != "active" {
		t.Fatalf("contract: %s", s)
	}
	f.mustStatus(req{method: "POST", path: path, token: f.as["finance"].token, body: map[string]any{"outcome": "failed"}}, 409)
}

// stripeRoutes: the card side of money, on stripe-mock: the company funds
// by card, staff simulate the payment in test mode (a signed event through
// the webhook, processed by the money workers), the workshop connects a
// Stripe account, whose account.updated event arrives by the webhook.
func stripeRoutes() routeTable {
	var f *contractFixture
	signed := func(typ string, obj func(w *world) map[string]any) func(w *world) any {
		return func(w *world) any {
			body, err := json.Marshal(map[string]any{"id": "evt_" + typ, "object": "event", "type": typ, "api_version": "2023-10-16",
				"created": time.Now().Unix(), "data": map[string]any{"object": obj(w)}})
			must(w.t, err)
			w.vars["sig"] = webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: body, Secret: webhookSecret}).Header
			return body
		}
	}
	account := func(w *world) map[string]any {
		return map[string]any{"id": w.vars["acct"], "object": "account", "payouts_enabled": true}
	}
	sig := map[string]string{"Stripe-Signature": "{sig}"}
	return routeTable{name: "stripe", setup: func(t *testing.T) *world {
		f = newStripeContract(t, stripetest.URL(t))
		return newWorld(f.fixture, map[string]string{"contract": f.contractID})
	}, scenarios: []scenario{
		{as: "owner", method: "POST", url: "/api/v1/contracts/{contract}/fund", want: 201, fragments: []string{`"provider":"stripe"`, `"amount":150000`},
			save: map[string]string{"pay": "id"}, jobs: []string{"create_charge"}},
		{method: "POST", url: "/api/v1/payments/{pay}/simulate", want: 401},
		{as: "owner", method: "POST", url: "/api/v1/payments/{pay}/simulate", want: 403},
		{as: "moderator", method: "POST", url: "/api/v1/payments/{pay}/simulate", want: 403},
		{as: "finance", method: "POST", url: "/api/v1/payments/{nil}/simulate", want: 404},
		{as: "finance", method: "POST", url: "/api/v1/payments/{pay}/simulate", body: map[string]string{"outcome": "succeeded"}, want: 202,
			before: func(w *world) { f.intentOf(w.vars["pay"]) }, fragments: []string{`"status":"accepted"`},
			check: func(w *world, r resp) {
				f.eventsDone()
				if p := w.mustStatus(req{method: "GET", path: w.expand("/api/v1/payments/{pay}"), token: w.as["owner"].token}, 200); p.str("status") != "succeeded" {
					w.t.Errorf("after the simulated payment: %s", p.raw)
				}
				if s := f.contract("workshop").str("status"); s != "active" {
					w.t.Errorf("contract %s after the simulated payment", s)
				}
				if n := f.count("SELECT count(*) FROM ledger_transactions WHERE kind = 'payment_received'"); n != 1 {
					w.t.Errorf("%d receipts booked", n)
				}
				if byKind(f.notifications("owner"), "payment.received") == nil {
					w.t.Error("the company was not told its payment arrived")
				}
			}},
		{as: "finance", method: "POST", url: "/api/v1/payments/{pay}/simulate", want: 409, fragments: []string{`"state"`}},

		{method: "POST", url: "/api/v1/orgs/{W}/payout-account/stripe-link", want: 401},
		{as: "owner", method: "POST", url: "/api/v1/orgs/{W}/payout-account/stripe-link", want: 404},
		{as: "workshop", method: "POST", url: "/api/v1/orgs/{W}/payout-account/stripe-link", want: 200, fragments: []string{`"url":"https://`}},
		{as: "workshop", method: "GET", url: "/api/v1/orgs/{W}/payout-account", want: 200, fragments: []string{`"provider":"stripe"`, `"payouts_enabled":false`},
			save: map[string]string{"acct": "stripe_account"}},
		{method: "POST", url: "/api/v1/payments/stripe/webhook", body: []byte(`{"id":"evt_x","object":"event","type":"account.updated"}`),
			header: map[string]string{"Stripe-Signature": "t=1,v1=forged"}, want: 400, fragments: []string{`"invalid"`}},
		{method: "POST", url: "/api/v1/payments/stripe/webhook", body: signed("account.updated", account), header: sig, want: 200,
			fragments: []string{`"received":true`}, jobs: []string{"process_provider_event"}},
		{name: "the event made the account ready for payouts", as: "workshop", method: "GET", url: "/api/v1/orgs/{W}/payout-account",
			before: func(*world) { f.eventsDone() }, want: 200, fragments: []string{`"payouts_enabled":true`}},
	}}
}
