package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"doorstep/server/events"
	"doorstep/server/fulfilment"
	"doorstep/server/settlement"
)

type AutoAcceptWorker struct {
	river.WorkerDefaults[events.AutoAccept]
	Fulfilment *fulfilment.Service
}

func (w *AutoAcceptWorker) Work(ctx context.Context, job *river.Job[events.AutoAccept]) error {
	return w.Fulfilment.AutoAccept(ctx, job.Args.DeliveryID)
}

type InspectionReminderWorker struct {
	river.WorkerDefaults[events.InspectionReminder]
	Fulfilment *fulfilment.Service
}

func (w *InspectionReminderWorker) Work(ctx context.Context, job *river.Job[events.InspectionReminder]) error {
	return w.Fulfilment.Remind(ctx, job.Args.DeliveryID)
}

type SettleContractWorker struct {
	river.WorkerDefaults[events.SettleContract]
	Settlement *settlement.Service
}

// Work settles the contract, or waits (snoozes) until its dispute windows end.
func (w *SettleContractWorker) Work(ctx context.Context, job *river.Job[events.SettleContract]) error {
	err := w.Settlement.Settle(ctx, job.Args.ContractID)
	if until, ok := settlement.IsWait(err); ok {
		return river.JobSnooze(time.Until(until) + time.Second)
	}
	return err
}

// SweepArgs accepts deliveries whose inspection window passed, behind the
// scheduled jobs (every 10 minutes), in case one was lost.
type SweepArgs struct{}

func (SweepArgs) Kind() string { return "fulfilment_sweep" }

type SweepWorker struct {
	river.WorkerDefaults[SweepArgs]
	Fulfilment *fulfilment.Service
	Log        *slog.Logger
}

func (w *SweepWorker) Work(ctx context.Context, _ *river.Job[SweepArgs]) error {
	n, err := w.Fulfilment.AcceptDue(ctx)
	if n > 0 {
		w.Log.InfoContext(ctx, "deliveries accepted by the sweep", "count", n)
	}
	return err
}
