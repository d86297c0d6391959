// Package money is the money workflow (DESIGN.md "Money"): companies fund
// escrow and workshops pay deposits (Stripe or bank transfer), finance
// staff confirm transfers and send payouts and refunds, Stripe webhooks
// drive the state of card payments, and every movement is one balanced
// ledger transaction under a deterministic key. Provider calls run in River
// jobs, never inside a database transaction.
package money

import (
	"time"

	"github.com/google/uuid"

	"doorstep/server/config"
	"doorstep/server/market"
	"doorstep/server/payments"
	"doorstep/server/store"
)

// Bank is the platform's receiving account, shown to payers who transfer.
type Bank struct {
	Name        string `json:"bank_name"`
	AccountName string `json:"account_name"`
	Account     string `json:"account"`
}

// Service runs the money workflows.
type Service struct {
	Store    *store.Store
	Provider payments.Provider
	Now      func() time.Time
	Bank     Bank
	BaseURL  string // for Stripe onboarding return links
	// TestMode: Stripe runs with a test key, so staff may simulate payments.
	TestMode bool
	// Publishable is the Stripe publishable key the browser's Payment Element uses.
	Publishable string
}

// required is what a purpose asks of a contract: the escrow amount, or the
// deposit unless waived.
func required(k store.Contract, p market.PaymentPurpose) int64 {
	if p == market.PurposeDeposit {
		if k.DepositWaived {
			return 0
		}
		return k.DepositAmount
	}
	return k.EscrowAmount
}

// payer is who pays a purpose.
func payer(k store.Contract, p market.PaymentPurpose) uuid.UUID {
	if p == market.PurposeDeposit {
		return k.WorkshopID
	}
	return k.CompanyID
}

// New builds the money workflow from the configuration.
func New(st *store.Store, p payments.Provider, cfg config.Config, now func() time.Time) *Service {
	return &Service{Store: st, Provider: p, Now: now, BaseURL: cfg.AppBaseURL,
		Bank:     Bank{Name: cfg.BankName, AccountName: cfg.BankAccountName, Account: cfg.BankAccount},
		TestMode: p.Name() == payments.Stripe && cfg.StripeTestMode(), Publishable: cfg.StripePublishable}
}

// NewProvider is Stripe when a secret key is configured, else the manual provider.
func NewProvider(cfg config.Config) payments.Provider {
	if cfg.StripeSecretKey == "" {
		return payments.ManualProvider{}
	}
	return payments.NewStripe(payments.StripeConfig{SecretKey: cfg.StripeSecretKey, WebhookSecret: cfg.StripeWebhookSecret,
		APIBase: cfg.StripeAPIBase})
}
