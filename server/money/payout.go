package money

import (
	"context"
	"strings"
	"time"
	"unicode"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/payments"
	"doorstep/server/store"
)

// PayoutAccountView is where an organisation is paid. The account number
// is shown in full only to the organisation's owners and finance staff.
type PayoutAccountView struct {
	OrgID          uuid.UUID  `json:"org_id"`
	Provider       string     `json:"provider"` // manual (bank account) or stripe (Connect)
	AccountName    string     `json:"account_name"`
	BankName       string     `json:"bank_name"`
	AccountNumber  string     `json:"account_number"`
	Masked         bool       `json:"masked"`
	StripeAccount  string     `json:"stripe_account,omitempty"`
	PayoutsEnabled bool       `json:"payouts_enabled"`
	UpdatedAt      *time.Time `json:"updated_at"`
	// The provider the platform runs: with stripe the organisation can connect a Stripe account.
	PlatformProvider string `json:"platform_provider"`
}

// PayoutAccountInput is a bank account for manual payouts.
type PayoutAccountInput struct {
	AccountName   string `json:"account_name"`
	BankName      string `json:"bank_name"`
	AccountNumber string `json:"account_number"`
}

// MaskAccount keeps the last four digits: 6222 **** **** 1234 → "**** 1234".
func MaskAccount(n string) string {
	d := strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return r
		}
		return -1
	}, n)
	if len(d) <= 4 {
		return strings.Repeat("*", len(d))
	}
	return "**** " + d[len(d)-4:]
}

func (s *Service) payoutView(a *market.Actor, orgID uuid.UUID, acc store.PayoutAccount, found bool) PayoutAccountView {
	v := PayoutAccountView{OrgID: orgID, Provider: payments.Manual, PlatformProvider: s.Provider.Name()}
	if !found {
		return v
	}
	v.Provider, v.AccountName, v.BankName, v.AccountNumber = acc.Provider, acc.AccountName, acc.BankName, acc.AccountNumber
	v.PayoutsEnabled, v.UpdatedAt = acc.PayoutsEnabled || acc.Provider == payments.Manual && acc.AccountNumber != "", &acc.UpdatedAt
	if acc.StripeAccount != nil {
		v.StripeAccount = *acc.StripeAccount
	}
	if !market.PayoutAccountFor(a, orgID).FullView {
		v.AccountNumber, v.Masked = MaskAccount(acc.AccountNumber), true
	}
	return v
}

// PayoutAccount reads an organisation's payout account (its members and staff).
func (s *Service) PayoutAccount(ctx context.Context, a *market.Actor, orgID uuid.UUID) (PayoutAccountView, error) {
	if !market.PayoutAccountFor(a, orgID).Visible {
		return PayoutAccountView{}, market.ErrNotFound
	}
	acc, err := s.Store.DB().PayoutAccount(ctx, orgID)
	if store.IsNoRows(err) {
		return s.payoutView(a, orgID, acc, false), nil
	}
	return s.payoutView(a, orgID, acc, err == nil), err
}

// ownerOf: only the organisation's owner changes its payout account; to
// anyone outside it the organisation's account does not exist.
func ownerOf(a *market.Actor, orgID uuid.UUID) error {
	if a.OrgID != orgID {
		return market.ErrNotFound
	}
	return market.PayoutAccountFor(a, orgID).Change.Err()
}

// SetBankAccount saves the bank account finance staff pay by hand (owners).
func (s *Service) SetBankAccount(ctx context.Context, a *market.Actor, orgID uuid.UUID, in PayoutAccountInput) (PayoutAccountView, error) {
	if err := ownerOf(a, orgID); err != nil {
		return PayoutAccountView{}, err
	}
	in.AccountName, in.BankName = strings.TrimSpace(in.AccountName), strings.TrimSpace(in.BankName)
	digits := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' {
			return -1
		}
		return r
	}, in.AccountNumber)
	var v market.Validator
	v.Check(len([]rune(in.AccountName)) >= 2 && len([]rune(in.AccountName)) <= 100, "account_name", "请填写户名（2–100字）", "enter the account name (2–100 characters)")
	v.Check(len([]rune(in.BankName)) >= 2 && len([]rune(in.BankName)) <= 100, "bank_name", "请填写开户行（2–100字）", "enter the bank and branch (2–100 characters)")
	v.Check(len(digits) >= 8 && len(digits) <= 30 && strings.IndexFunc(digits, func(r rune) bool { return r < '0' || r > '9' }) < 0,
		"account_number", "账号应为8–30位数字", "the account number must be 8–30 digits")
	if err := v.Err(); err != nil {
		return PayoutAccountView{}, err
	}
	uid := a.User.ID
	acc, err := s.Store.DB().UpsertPayoutAccount(ctx, store.UpsertPayoutAccountParams{OrgID: orgID, Provider: payments.Manual,
		AccountName: in.AccountName, BankName: in.BankName, AccountNumber: digits, UpdatedBy: &uid})
	return s.payoutView(a, orgID, acc, err == nil), err
}

// OnboardingLink connects a Stripe Express account (created once, under a
// deterministic idempotency key) and returns where to finish setting it up.
// account.updated keeps its payout readiness.
func (s *Service) OnboardingLink(ctx context.Context, a *market.Actor, orgID uuid.UUID) (string, error) {
	if err := ownerOf(a, orgID); err != nil {
		return "", err
	}
	if s.Provider.Name() != payments.Stripe {
		return "", market.E(market.CodeState, "平台未启用 Stripe，请填写银行账户", "Stripe is not enabled here; enter a bank account")
	}
	db := s.Store.DB()
	acc, err := db.PayoutAccount(ctx, orgID)
	if err != nil && !store.IsNoRows(err) {
		return "", err
	}
	account := ""
	if err == nil && acc.StripeAccount != nil {
		account = *acc.StripeAccount
	} else {
		if account, err = s.Provider.ConnectAccount(ctx, orgID.String(), a.User.Email, "acct:"+orgID.String()); err != nil {
			return "", err
		}
		uid := a.User.ID
		if _, err := db.SetStripeAccount(ctx, store.SetStripeAccountParams{OrgID: orgID, StripeAccount: &account, UpdatedBy: &uid}); err != nil {
			return "", err
		}
	}
	back := s.BaseURL + "/org?tab=payout"
	return s.Provider.OnboardingLink(ctx, account, back, back)
}
