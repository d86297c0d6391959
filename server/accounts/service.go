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

// Limits are the sign-in throttling settings.
type Limits struct {
	PerIP, PerAccount int
	Window            time.Duration
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
