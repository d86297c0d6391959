package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"doorstep/server/payments"
)

const webhookSecret = "whsec_doorstep_faults"

// stripeEnv is the server's Stripe configuration on apiBase (stripe-mock or
// the fault proxy in front of it).
func stripeEnv(apiBase string) []string {
	return []string{"STRIPE_SECRET_KEY=sk_test_doorstepfaults", "STRIPE_WEBHOOK_SECRET=" + webhookSecret, "STRIPE_API_BASE=" + apiBase}
}

// orderBody is a small order in 滨州 (the demo workshop 碧林花园's region):
// one bid takes all of it; its deposit is waivable, and 碧林花园 has a
// community guarantee, so escrow alone activates the contract.
func orderBody(n, qty int) map[string]any {
	now := time.Now()
	return map[string]any{
		"title": fmt.Sprintf("编织网兜 %d 个 第%d批", qty, n), "description": "棉麻线手工编织网兜，样品可到厂领取，按样品要求编织。",
		"craft": "weaving", "tags": []string{"网兜", "居家可做"},
		"quantity": qty, "unit_price": 150, "min_bid_quantity": qty,
		"bidding_deadline": now.Add(72 * time.Hour).UTC().Format(time.RFC3339), "delivery_deadline": now.Add(30 * 24 * time.Hour).UTC().Format(time.RFC3339),
		"region_code": "371602", "address": "滨州市滨城区黄河五路318号", "lat": 37.38, "lng": 117.97, "minutes_per_piece": 6,
		"materials": map[string]any{"supply": "company_ships", "value_per_unit": 80, "allowed_loss_bp": 200},
		"deposit":   map[string]any{"kind": "per_unit", "amount": 20, "waivable": true},
		"quality":   map[string]any{"criteria": "花结牢固，网眼均匀，无断线", "max_defect_bp": 300, "inspection_days": 7, "rework_rounds": 1},
	}
}

// Publish creates, submits and approves an order; returns its id.
func (c *Cast) Publish(ctx context.Context, n, qty int) (string, error) {
	r, err := c.Company.Must(ctx, 201, "POST", "/api/v1/orders", orderBody(n, qty))
	if err != nil {
		return "", err
	}
	id := r.Str("id")
	if _, err := c.Company.Must(ctx, 200, "POST", "/api/v1/orders/"+id+"/submit", nil); err != nil {
		return id, err
	}
	_, err = c.Moderator.Must(ctx, 200, "POST", "/api/v1/moderation/orders/"+id+"/approve", nil)
	return id, err
}

// Award: the workshop bids for all of it and the company accepts; returns the contract id.
func (c *Cast) Award(ctx context.Context, orderID string, qty int) (string, error) {
	b, err := c.Workshop.Must(ctx, 201, "POST", "/api/v1/orders/"+orderID+"/bids", map[string]any{"quantity": qty, "unit_price": 150,
		"headcount": 12, "message": "社区有12位阿姨会编织", "confirm_below_minimum_wage": true,
		"delivery_date": time.Now().Add(20 * 24 * time.Hour).UTC().Format(time.RFC3339)})
	if err != nil {
		return "", err
	}
	k, err := c.Company.Must(ctx, 201, "POST", "/api/v1/bids/"+b.Str("id")+"/accept", map[string]any{"confirm_below_minimum_wage": true})
	return k.Str("id"), err
}

// Fund starts the escrow payment and sees it paid: a card payment through
// the Stripe test webhook (staff simulate, once the job created the
// PaymentIntent), a bank transfer confirmed by finance.
func (c *Cast) Fund(ctx context.Context, contractID string, stripe bool) (string, error) {
	p, err := c.Company.Must(ctx, 201, "POST", "/api/v1/contracts/"+contractID+"/fund", nil)
	if err != nil {
		return "", err
	}
	id := p.Str("id")
	if !stripe {
		amount, _ := p.Body["amount"].(float64)
		_, err = c.Finance.Must(ctx, 200, "POST", "/api/v1/finance/payments/"+id+"/confirm",
			map[string]any{"amount_received": int64(amount), "bank_reference": "ICBC-FAULTS-" + id[:8]})
		return id, err
	}
	if err := Until(ctx, 60*time.Second, "the PaymentIntent of "+id, func() bool {
		return c.Company.Do(ctx, "GET", "/api/v1/payments/"+id, nil).Str("client_secret") != ""
	}); err != nil {
		return id, err
	}
	_, err = c.Admin.Must(ctx, 202, "POST", "/api/v1/payments/"+id+"/simulate", map[string]any{"outcome": "succeeded"})
	return id, err
}

// Status reads a contract's status.
func (c *Cast) Status(ctx context.Context, contractID string) string {
	return c.Company.Do(ctx, "GET", "/api/v1/contracts/"+contractID, nil).Str("status")
}

// Fulfil: materials out and in, one delivery of everything, all accepted;
// settlement (a job) follows.
func (c *Cast) Fulfil(ctx context.Context, contractID string, qty int) error {
	if err := Until(ctx, 60*time.Second, "contract "+contractID+" active", func() bool { return c.Status(ctx, contractID) == "active" }); err != nil {
		return err
	}
	d, err := c.Company.Must(ctx, 201, "POST", "/api/v1/contracts/"+contractID+"/dispatches", map[string]any{"quantity": qty, "method": "pickup"})
	if err != nil {
		return err
	}
	if _, err := c.Workshop.Must(ctx, 200, "POST", "/api/v1/dispatches/"+d.Str("id")+"/receive", map[string]any{"quantity": qty}); err != nil {
		return err
	}
	v, err := c.Workshop.Must(ctx, 201, "POST", "/api/v1/contracts/"+contractID+"/deliveries", map[string]any{"quantity": qty})
	if err != nil {
		return err
	}
	_, err = c.Company.Must(ctx, 200, "POST", "/api/v1/deliveries/"+v.Str("id")+"/inspect", map[string]any{"accepted": qty})
	return err
}

// ConnectWorkshop gives the demo workshop a Stripe Connect account that can
// receive payouts: the onboarding link creates it, a signed account.updated
// event (as Stripe sends when onboarding ends) enables payouts.
func (c *Cast) ConnectWorkshop(ctx context.Context) error {
	if _, err := c.Workshop.Must(ctx, 200, "POST", "/api/v1/orgs/"+c.Workshop.OrgID+"/payout-account/stripe-link", nil); err != nil {
		return err
	}
	acc := c.Workshop.Do(ctx, "GET", "/api/v1/orgs/"+c.Workshop.OrgID+"/payout-account", nil).Str("stripe_account")
	if acc == "" {
		return fmt.Errorf("no Stripe account recorded for the workshop")
	}
	if err := c.Webhook(ctx, "evt_faults_acct_"+c.Workshop.OrgID[:8], "account.updated",
		map[string]any{"id": acc, "object": "account", "payouts_enabled": true, "charges_enabled": true}); err != nil {
		return err
	}
	return Until(ctx, 30*time.Second, "payouts enabled", func() bool {
		r := c.Workshop.Do(ctx, "GET", "/api/v1/orgs/"+c.Workshop.OrgID+"/payout-account", nil)
		ok, _ := r.Body["payouts_enabled"].(bool)
		return ok
	})
}

// Webhook posts a signed Stripe event.
func (c *Cast) Webhook(ctx context.Context, id, typ string, obj map[string]any) error {
	body, _ := json.Marshal(map[string]any{"id": id, "object": "event", "type": typ, "api_version": "2023-10-16",
		"created": time.Now().Unix(), "data": map[string]any{"object": obj}})
	sig := payments.SignTestPayload(body, webhookSecret)
	r := c.Anon.Do(ctx, "POST", "/api/v1/payments/stripe/webhook", body, "Stripe-Signature", sig)
	if r.Status != 200 {
		return fmt.Errorf("webhook %s: %s", typ, r)
	}
	return nil
}

// Until polls check every 100 ms for at most limit.
func Until(ctx context.Context, limit time.Duration, what string, check func() bool) error {
	deadline := time.Now().Add(limit)
	for !check() {
		if time.Now().After(deadline) {
			return fmt.Errorf("timed out after %s waiting for %s", limit, what)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for %s: %w", what, ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
	return nil
}
