package api_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"doorstep/server/blob"
	"doorstep/server/events"
	"doorstep/server/fulfilment"
	"doorstep/server/jobs"
	"doorstep/server/money"
	"doorstep/server/payments"
	"doorstep/server/uploads"
)

// The jobs that act when nobody calls: each test runs the real River worker
// (its Work method) against the workflow with its clock moved on, and looks
// at the result through the API.

// TestInspectionReminderAndAutoAcceptSweep: a delivery schedules its
// reminder a day before its inspection window ends, and the reminder job
// tells both parties; once the window has passed without an inspection the
// sweep accepts it in full, releases its money once and tells both. An
// inspected delivery is left alone by both jobs. The real workers run with
// the workflow's clock moved on.
func TestInspectionReminderAndAutoAcceptSweep(t *testing.T) {
	t.Parallel()
	f := newActiveContract(t)
	ctx := context.Background()
	k := "/contracts/" + f.contractID
	d := f.post("owner", k+"/dispatches", map[string]any{"quantity": 1000, "method": "pickup"}, 201)
	f.post("workshop", "/dispatches/"+d.str("id")+"/receive", map[string]any{"quantity": 1000}, 200)
	silent := f.post("workshop", k+"/deliveries", map[string]any{"quantity": 400}, 201)
	inspected := f.post("workshop", k+"/deliveries", map[string]any{"quantity": 100}, 201)
	f.post("owner", "/deliveries/"+inspected.str("id")+"/inspect", map[string]any{"accepted": 100}, 200)
	due, err := time.Parse(time.RFC3339Nano, silent.str("inspect_due_at"))
	must(t, err)

	var remindAt time.Time
	must(t, f.pool.QueryRow(ctx, "SELECT scheduled_at FROM river_job WHERE kind = 'inspection_reminder' AND args->>'delivery_id' = $1",
		silent.str("id")).Scan(&remindAt))
	if !remindAt.Equal(due.Add(-24 * time.Hour)) {
		t.Fatalf("reminder scheduled at %v, want a day before %v", remindAt, due)
	}

	clock := remindAt
	now := func() time.Time { return clock }
	ful := &fulfilment.Service{Store: f.st, Money: money.New(f.st, payments.ManualProvider{}, f.cfg, now), Now: now, DisputeDays: f.cfg.DisputeDays}
	remind := func(id string) {
		t.Helper()
		must(t, (&jobs.InspectionReminderWorker{Fulfilment: ful}).Work(ctx,
			&river.Job[events.InspectionReminder]{Args: events.InspectionReminder{DeliveryID: uuidOf(t, id)}}))
	}
	sweep := func() {
		t.Helper()
		must(t, (&jobs.SweepWorker{Fulfilment: ful, Log: testLogger(t)}).Work(ctx, &river.Job[jobs.SweepArgs]{}))
	}
	told := func(as, kind string) (n int, titles string) {
		t.Helper()
		r := f.mustStatus(req{method: "GET", path: "/api/v1/notifications?per_page=50", token: f.as[as].token, header: map[string]string{"Accept-Language": "zh-CN"}}, 200)
		for _, it := range r.field("items").([]any) {
			if m := it.(map[string]any); m["kind"] == kind {
				n++
				titles += m["title"].(string) + "\n"
			}
		}
		return n, titles
	}
	releases := func() int {
		return f.count("SELECT count(*) FROM ledger_transactions WHERE kind = 'release' AND posting_key LIKE 'release:delivery:%'")
	}

	remind(silent.str("id"))
	remind(inspected.str("id")) // inspected already: nobody is reminded of it
	for _, as := range []string{"owner", "workshop"} {
		if n, titles := told(as, "inspection.reminder"); n != 1 || !strings.Contains(titles, "验收期明天截止") || !strings.Contains(titles, "400") {
			t.Errorf("%s reminded %d times: %q", as, n, titles)
		}
	}

	clock = due.Add(-time.Minute) // the window still open: the sweep waits
	sweep()
	if s := f.timeline().field("quantities.awaiting_inspection"); s != 400.0 || releases() != 1 {
		t.Fatalf("swept before the window ended: awaiting %v, %d releases", s, releases())
	}
	clock = due.Add(time.Second)
	sweep()
	sweep() // a second sweep finds nothing left
	var status string
	var accepted int64
	must(t, f.pool.QueryRow(ctx, "SELECT status, accepted FROM deliveries WHERE id = $1", silent.str("id")).Scan(&status, &accepted))
	if status != "auto_accepted" || accepted != 400 || releases() != 2 {
		t.Fatalf("after the sweep: %s with %d accepted, %d releases", status, accepted, releases())
	}
	if q := f.timeline().field("quantities").(map[string]any); q["accepted"] != 500.0 || q["awaiting_inspection"] != 0.0 || q["released_amount"] != 75000.0 {
		t.Fatalf("quantities after the sweep: %v", q)
	}
	for _, as := range []string{"owner", "workshop"} {
		if n, _ := told(as, "delivery.auto_accept"); n != 1 {
			t.Errorf("%s told of the auto-acceptance %d times", as, n)
		}
	}
	remind(silent.str("id")) // a late reminder for an accepted delivery tells no one
	if n, _ := told("owner", "inspection.reminder"); n != 1 {
		t.Errorf("reminded after acceptance: %d", n)
	}
	ledgerSound(t, f.st)
}

// TestExpiredUploadsCleanedUp: the cleanup job removes uploads never
// attached once their day is over (row and files), and nothing earlier or
// attached. It runs the real worker with the service's clock moved on.
func TestExpiredUploadsCleanedUp(t *testing.T) {
	t.Parallel()
	f := newContractFixture(t)
	tok := f.as["workshop"].token
	kept := f.upload(tok, "kept.png", pngBytes(t, 16, 16), 201).str("id")
	f.mustStatus(req{method: "POST", path: "/api/v1/contracts/" + f.contractID + "/messages", token: tok,
		body: map[string]any{"body": "样品照片", "photo_ids": []string{kept}}}, 201)
	stale := f.upload(tok, "stale.png", pngBytes(t, 16, 16), 201).str("id")
	var files []string
	rows, err := f.pool.Query(context.Background(), "SELECT storage_key, thumb_key FROM uploads WHERE id = $1", stale)
	must(t, err)
	for rows.Next() {
		var full, thumb string
		must(t, rows.Scan(&full, &thumb))
		files = append(files, filepath.Join(f.cfg.UploadDir, full[:2], full), filepath.Join(f.cfg.UploadDir, thumb[:2], thumb))
	}
	rows.Close()
	if len(files) != 2 {
		t.Fatalf("files of the stale upload: %v", files)
	}

	clock := time.Now()
	cleanup := &jobs.CleanupWorker{Store: f.st, Log: testLogger(t),
		Uploads: &uploads.Service{Store: f.st, Blob: blob.Disk{Dir: f.cfg.UploadDir}, Now: func() time.Time { return clock }}}
	run := func() { must(t, cleanup.Work(context.Background(), &river.Job[jobs.CleanupArgs]{})) }
	read := func(id string, want int) {
		t.Helper()
		f.mustStatus(req{method: "GET", path: "/api/v1/uploads/" + id, token: tok}, want)
	}

	clock = clock.Add(23 * time.Hour) // within its day: kept
	run()
	read(stale, 200)
	clock = clock.Add(2 * time.Hour)
	run()
	read(stale, 404)
	for _, p := range files {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s left on disk (%v)", p, err)
		}
	}
	clock = clock.Add(30 * 24 * time.Hour) // attached uploads never expire
	run()
	read(kept, 200)
	f.mustStatus(req{method: "GET", path: "/api/v1/uploads/" + kept + "/thumb", token: f.as["owner"].token}, 200)
}
