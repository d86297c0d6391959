// Package workflows builds every workflow once, from the validated
// configuration, and hands the same set to the API, the River workers, the
// seed and the CLI (GoToSocial's processor pattern): nothing else
// constructs a workflow, so no caller can leave out a setting or pick its
// own default.
package workflows

import (
	"log/slog"
	"time"

	"doorstep/server/accounts"
	"doorstep/server/auth"
	"doorstep/server/bidding"
	"doorstep/server/blob"
	"doorstep/server/config"
	"doorstep/server/contracts"
	"doorstep/server/fulfilment"
	"doorstep/server/mail"
	"doorstep/server/money"
	"doorstep/server/notify"
	"doorstep/server/orders"
	"doorstep/server/payments"
	"doorstep/server/settlement"
	"doorstep/server/store"
	"doorstep/server/synonyms"
	"doorstep/server/uploads"
	"doorstep/server/workshopops"
)

// Set is every workflow.
type Set struct {
	Store      *store.Store // what they run on
	Accounts   *accounts.Service
	Orders     *orders.Service
	Bidding    *bidding.Service
	Contracts  *contracts.Service
	Money      *money.Service
	Fulfilment *fulfilment.Service
	Settlement *settlement.Service
	Uploads    *uploads.Service
	Synonyms   *synonyms.Service
	Inbox      *notify.Inbox
	Ops        *workshopops.Service // a workshop's own operations: roster, piece records, pay distribution, impact
}

// Deps are what the workflows run on. Config must be valid (config.Load
// validates); the rest have one documented default each, applied here and
// nowhere else.
type Deps struct {
	Store    *store.Store
	Config   config.Config
	Provider payments.Provider // nil: money.NewProvider(Config) — Stripe with a key, else bank transfers
	Blob     blob.Storage      // nil: UPLOAD_DIR on local disk
	Mailer   mail.Mailer       // nil: mails are written to the log
	Log      *slog.Logger      // nil: slog.Default()
	Hash     *auth.Params      // nil: auth.DefaultParams
	Now      func() time.Time  // nil: time.Now (tests move the clock)
	Engines  []any             // the search engines that take staff's synonyms
}

// New builds the set.
func New(d Deps) (*Set, error) {
	if err := d.Config.Validate(); err != nil {
		return nil, err
	}
	if d.Provider == nil {
		d.Provider = money.NewProvider(d.Config)
	}
	if d.Blob == nil {
		d.Blob = blob.Disk{Dir: d.Config.UploadDir}
	}
	if d.Log == nil {
		d.Log = slog.Default()
	}
	if d.Mailer == nil {
		d.Mailer = mail.NewLogMailer(d.Log)
	}
	hash := auth.DefaultParams
	if d.Hash != nil {
		hash = *d.Hash
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	st, cfg, now := d.Store, d.Config, d.Now
	s := &Set{Store: st}
	s.Accounts = &accounts.Service{Store: st, Mailer: d.Mailer, Log: d.Log, Hash: hash, Now: now, BaseURL: cfg.AppBaseURL,
		SessionTTL: cfg.SessionTTL, Limits: accounts.Limits{PerIP: cfg.LoginLimitPerIP, PerAccountIP: cfg.LoginLimitPerAccount,
			RegisterPerIP: cfg.RegisterLimitPerIP, Window: cfg.LoginLimitWindow,
			ResetPerAddress: cfg.ResetLimitPerAddress, InvitesPerOrg: cfg.InviteLimitPerOrg}}
	s.Orders = &orders.Service{Store: st, Now: now}
	s.Money = money.New(st, d.Provider, cfg, now)
	s.Contracts = &contracts.Service{Store: st, Money: s.Money, Now: now}
	s.Fulfilment = &fulfilment.Service{Store: st, Money: s.Money, Now: now, DisputeDays: cfg.DisputeDays,
		MessageCoalesce: cfg.MessageCoalesce}
	s.Settlement = &settlement.Service{Store: st, Money: s.Money, Now: now}
	s.Uploads = &uploads.Service{Store: st, Blob: d.Blob, Now: now, Limits: uploads.LimitsOf(cfg)}
	s.Bidding = &bidding.Service{Store: st, Orders: s.Orders, Contracts: s.Contracts, Now: now, CommissionBP: cfg.CommissionBP,
		FundingDays: cfg.FundingDays}
	s.Inbox = &notify.Inbox{Store: st}
	s.Synonyms = &synonyms.Service{Store: st, Engines: d.Engines, Log: d.Log}
	s.Ops = &workshopops.Service{Store: st, Now: now}
	return s, nil
}
