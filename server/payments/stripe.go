package payments

import (
	"context"
	"net/http"
	"strings"
	"time"

	stripe "github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/client"
)

// StripeProvider uses separate charges and transfers: a PaymentIntent per
// payment in (transfer_group = the contract), a Transfer to the workshop's
// Connect account with source_transaction for each payout, a Refund for
// money returned.
type StripeProvider struct {
	api           *client.API
	webhookSecret string
	tolerance     time.Duration
}

// StripeConfig configures the Stripe provider. APIBase points at
// stripe-mock in tests; empty is Stripe itself.
type StripeConfig struct {
	SecretKey, WebhookSecret, APIBase string
	HTTPClient                        *http.Client
}

// NewStripe builds the provider. stripe-go's own retries are off: calls are
// made from River jobs, which retry with backoff and the same idempotency
// key, so a failure is visible in the job's history rather than hidden.
func NewStripe(c StripeConfig) *StripeProvider {
	cfg := &stripe.BackendConfig{MaxNetworkRetries: stripe.Int64(0), LeveledLogger: &stripe.LeveledLogger{Level: stripe.LevelError}}
	if c.APIBase != "" {
		cfg.URL = stripe.String(strings.TrimRight(c.APIBase, "/"))
	}
	if c.HTTPClient != nil {
		cfg.HTTPClient = c.HTTPClient
	} else {
		cfg.HTTPClient = &http.Client{Timeout: 30 * time.Second}
	}
	backends := &stripe.Backends{API: stripe.GetBackendWithConfig(stripe.APIBackend, cfg),
		Connect: stripe.GetBackendWithConfig(stripe.ConnectBackend, cfg), Uploads: stripe.GetBackendWithConfig(stripe.UploadsBackend, cfg)}
	return &StripeProvider{api: client.New(c.SecretKey, backends), webhookSecret: c.WebhookSecret, tolerance: 5 * time.Minute}
}

func (s *StripeProvider) Name() string { return Stripe }

func params(ctx context.Context, key string, p *stripe.Params, md map[string]string) {
	p.Context = ctx
	if key != "" {
		p.SetIdempotencyKey(key)
	}
	for k, v := range md {
		p.AddMetadata(k, v)
	}
}

func (s *StripeProvider) Charge(ctx context.Context, c ChargeRequest) (Charge, error) {
	p := &stripe.PaymentIntentParams{Amount: stripe.Int64(c.Amount), Currency: stripe.String(strings.ToLower(c.Currency)),
		TransferGroup: stripe.String(c.TransferGroup), Description: stripe.String(c.Description),
		AutomaticPaymentMethods: &stripe.PaymentIntentAutomaticPaymentMethodsParams{Enabled: stripe.Bool(true)}}
	params(ctx, c.IdempotencyKey, &p.Params, c.Metadata)
	pi, err := s.api.PaymentIntents.New(p)
	if err != nil {
		return Charge{}, err
	}
	return Charge{ID: pi.ID, ClientSecret: pi.ClientSecret}, nil
}

func (s *StripeProvider) Refund(ctx context.Context, r RefundRequest) (string, error) {
	p := &stripe.RefundParams{PaymentIntent: stripe.String(r.ChargeRef), Amount: stripe.Int64(r.Amount)}
	params(ctx, r.IdempotencyKey, &p.Params, r.Metadata)
	ref, err := s.api.Refunds.New(p)
	if err != nil {
		return "", err
	}
	return ref.ID, nil
}

func (s *StripeProvider) Transfer(ctx context.Context, t TransferRequest) (string, error) {
	p := &stripe.TransferParams{Amount: stripe.Int64(t.Amount), Currency: stripe.String(strings.ToLower(t.Currency)),
		Destination: stripe.String(t.Destination), TransferGroup: stripe.String(t.TransferGroup)}
	if t.SourceTransaction != "" {
		p.SourceTransaction = stripe.String(t.SourceTransaction)
	}
	params(ctx, t.IdempotencyKey, &p.Params, t.Metadata)
	tr, err := s.api.Transfers.New(p)
	if err != nil {
		return "", err
	}
	return tr.ID, nil
}

func (s *StripeProvider) ConnectAccount(ctx context.Context, orgID, email, key string) (string, error) {
	p := &stripe.AccountParams{Type: stripe.String(string(stripe.AccountTypeExpress)), Email: stripe.String(email)}
	params(ctx, key, &p.Params, map[string]string{"org_id": orgID})
	a, err := s.api.Accounts.New(p)
	if err != nil {
		return "", err
	}
	return a.ID, nil
}

func (s *StripeProvider) OnboardingLink(ctx context.Context, account, refreshURL, returnURL string) (string, error) {
	p := &stripe.AccountLinkParams{Account: stripe.String(account), RefreshURL: stripe.String(refreshURL),
		ReturnURL: stripe.String(returnURL), Type: stripe.String(string(stripe.AccountLinkTypeAccountOnboarding))}
	p.Context = ctx
	l, err := s.api.AccountLinks.New(p)
	if err != nil {
		return "", err
	}
	return l.URL, nil
}
