// Package accounts is the account workflow: registration, sign-in and
// sessions, password resets, members and invitations, organisation edits,
// and staff verification. Handlers and CLI commands call these methods.
package accounts

import (
	"log/slog"
	"time"

	"doorstep/server/auth"
	"doorstep/server/mail"
	"doorstep/server/store"
)

// Limits are the throttling settings, each a count per fixed Window.
type Limits struct {
	PerIP         int // sign-in attempts from one IP
	PerAccountIP  int // failed password checks for one account from one IP (sign-in, password change)
	RegisterPerIP int // registrations from one IP
	Window        time.Duration

	ResetPerAddress int // reset mails to one address per hour, whoever asks
	InvitesPerOrg   int // invitations one organisation sends per day
}

// Service runs the account workflows.
type Service struct {
	Store      *store.Store
	Mailer     mail.Mailer
	Log        *slog.Logger
	Hash       auth.Params
	Now        func() time.Time
	BaseURL    string        // for mailed links
	SessionTTL time.Duration // how long a sign-in lasts
	Limits     Limits
}

// Client is who is asking, for sessions and throttling.
type Client struct {
	IP, UserAgent, RequestID string
}
