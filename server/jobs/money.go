package jobs

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"doorstep/server/contracts"
	"doorstep/server/events"
	"doorstep/server/money"
)

// Money jobs: provider calls (charges, payouts, refunds) and webhook events
// run here, outside any request's transaction, retried by River with
// backoff and the same idempotency key.

type CreateChargeWorker struct {
	river.WorkerDefaults[events.CreateCharge]
	Money *money.Service
}

// NextRetry backs off exponentially up to a minute: a provider outage
// delays a payment by little once it ends.
func (w *CreateChargeWorker) NextRetry(job *river.Job[events.CreateCharge]) time.Time {
	return backoff(job.Attempt)
}

func (w *CreateChargeWorker) Work(ctx context.Context, job *river.Job[events.CreateCharge]) error {
	return w.Money.CreateCharge(ctx, job.Args.PaymentID)
}

type SendDisbursementWorker struct {
	river.WorkerDefaults[events.SendDisbursement]
	Money *money.Service
}

func (w *SendDisbursementWorker) NextRetry(job *river.Job[events.SendDisbursement]) time.Time {
	return backoff(job.Attempt)
}

// Work sends the disbursement; one waiting for the recipient's payout
// account is snoozed (account.updated also re-queues it at once).
func (w *SendDisbursementWorker) Work(ctx context.Context, job *river.Job[events.SendDisbursement]) error {
	err := w.Money.SendDisbursement(ctx, job.Args.DisbursementID)
	if errors.Is(err, money.ErrPayoutAccountNotReady) {
		return river.JobSnooze(time.Hour)
	}
	return err
}

type ProcessProviderEventWorker struct {
	river.WorkerDefaults[events.ProcessProviderEvent]
	Money *money.Service
}

func (w *ProcessProviderEventWorker) NextRetry(job *river.Job[events.ProcessProviderEvent]) time.Time {
	return backoff(job.Attempt)
}

func (w *ProcessProviderEventWorker) Work(ctx context.Context, job *river.Job[events.ProcessProviderEvent]) error {
	return w.Money.ProcessEvent(ctx, job.Args.EventID)
}

// LapseContractsArgs lapses contracts not funded in time (every minute).
type LapseContractsArgs struct{}

func (LapseContractsArgs) Kind() string { return "lapse_contracts" }

type LapseContractsWorker struct {
	river.WorkerDefaults[LapseContractsArgs]
	Contracts *contracts.Service
	Log       *slog.Logger
}

func (w *LapseContractsWorker) Work(ctx context.Context, _ *river.Job[LapseContractsArgs]) error {
	n, err := w.Contracts.LapseDue(ctx)
	if n > 0 {
		w.Log.InfoContext(ctx, "contracts lapsed", "count", n)
	}
	return err
}
