package payments

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	stripe "github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/webhook"
)

// Stripe's event names and what each means for the money. Every other
// event is stored and acknowledged, not acted on.
var stripeFacts = map[stripe.EventType]FactKind{
	"payment_intent.succeeded":      FactPaymentSucceeded,
	"payment_intent.payment_failed": FactPaymentFailed,
	"charge.refunded":               FactRefundsSent,
	"account.updated":               FactAccountUpdated,
	"transfer.reversed":             FactTransferReversed,
}

// ParseWebhook verifies the signature over the raw body (and that the
// timestamp is within the tolerance of now, either way) before reading
// anything from it.
func (s *StripeProvider) ParseWebhook(payload []byte, signature string) (Fact, error) {
	ev, err := webhook.ConstructEventWithOptions(payload, signature, s.webhookSecret,
		webhook.ConstructEventOptions{Tolerance: s.tolerance, IgnoreAPIVersionMismatch: true})
	if err != nil {
		return Fact{}, fmt.Errorf("%w: %v", ErrBadSignature, err)
	}
	// stripe-go checks only that the timestamp is not too old.
	if at, ok := signedAt(signature); !ok || at.After(time.Now().Add(s.tolerance)) {
		return Fact{}, fmt.Errorf("%w: timestamp more than %s in the future", ErrBadSignature, s.tolerance)
	}
	return factOf(ev)
}

// signedAt is the t= timestamp of a Stripe-Signature header.
func signedAt(header string) (time.Time, bool) {
	for _, part := range strings.Split(header, ",") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(part), "t="); ok {
			n, err := strconv.ParseInt(v, 10, 64)
			return time.Unix(n, 0), err == nil
		}
	}
	return time.Time{}, false
}

// DecodeEvent reads a stored payload that was verified when it arrived.
func (s *StripeProvider) DecodeEvent(payload []byte) (Fact, error) {
	var ev stripe.Event
	if err := json.Unmarshal(payload, &ev); err != nil {
		return Fact{}, err
	}
	return factOf(ev)
}

// factOf reads the object of an event the money acts on.
func factOf(ev stripe.Event) (Fact, error) {
	f := Fact{EventID: ev.ID, EventType: string(ev.Type), Kind: stripeFacts[ev.Type]}
	if ev.Data == nil || f.Kind == FactOther {
		f.Kind = FactOther
		return f, nil
	}
	raw := ev.Data.Raw
	switch f.Kind {
	case FactPaymentSucceeded, FactPaymentFailed:
		var pi stripe.PaymentIntent
		if err := json.Unmarshal(raw, &pi); err != nil {
			return f, err
		}
		f.Payment = &PaymentFact{Ref: pi.ID, Received: pi.AmountReceived, Metadata: pi.Metadata}
		if pi.LatestCharge != nil {
			f.Payment.ChargeRef = pi.LatestCharge.ID
		}
		if pi.LastPaymentError != nil {
			f.Payment.FailureMessage = pi.LastPaymentError.Msg
			f.Payment.FailureCode = string(pi.LastPaymentError.Code)
			if pi.LastPaymentError.DeclineCode != "" {
				f.Payment.FailureCode = string(pi.LastPaymentError.DeclineCode)
			}
		}
	case FactRefundsSent:
		var ch stripe.Charge
		if err := json.Unmarshal(raw, &ch); err != nil {
			return f, err
		}
		if ch.Refunds != nil {
			for _, r := range ch.Refunds.Data {
				f.Refunds = append(f.Refunds, r.ID)
			}
		}
	case FactAccountUpdated:
		var a stripe.Account
		if err := json.Unmarshal(raw, &a); err != nil {
			return f, err
		}
		f.Account = &AccountFact{Ref: a.ID, PayoutsEnabled: a.PayoutsEnabled}
	case FactTransferReversed:
		var t stripe.Transfer
		if err := json.Unmarshal(raw, &t); err != nil {
			return f, err
		}
		f.Transfer = &TransferFact{Ref: t.ID, Amount: t.Amount, ReversedTotal: t.AmountReversed, Metadata: t.Metadata}
	}
	return f, nil
}

// SimulatePayment builds and signs the payment_intent event Stripe would
// send for the outcome, with the webhook secret (test mode).
func (s *StripeProvider) SimulatePayment(p TestPayment) ([]byte, string, error) {
	typ, status, received := "payment_intent.succeeded", "succeeded", p.Amount
	if !p.Succeed {
		typ, status, received = "payment_intent.payment_failed", "requires_payment_method", 0
	}
	obj := map[string]any{"id": p.Ref, "object": "payment_intent", "amount": p.Amount, "amount_received": received,
		"currency": strings.ToLower(p.Currency), "status": status, "latest_charge": p.ChargeRef, "metadata": p.Metadata}
	if !p.Succeed {
		obj["last_payment_error"] = map[string]any{"message": "模拟付款失败 / simulated decline"}
	}
	id := make([]byte, 12)
	if _, err := rand.Read(id); err != nil {
		return nil, "", err
	}
	payload, err := json.Marshal(map[string]any{"id": "evt_sim_" + hex.EncodeToString(id), "object": "event", "type": typ,
		"api_version": "2023-10-16", "created": p.At.Unix(), "data": map[string]any{"object": obj}})
	if err != nil {
		return nil, "", err
	}
	return payload, SignTestPayload(payload, s.webhookSecret), nil
}

// SignTestPayload is the Stripe-Signature header Stripe would send for
// payload under secret (test mode, fault runs).
func SignTestPayload(payload []byte, secret string) string {
	return webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: payload, Secret: secret}).Header
}
