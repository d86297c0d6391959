package api_test

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"doorstep/server/store"
	"doorstep/server/store/storetest"
)

// statementCounter is a pgx tracer that counts what one request sends to
// Postgres: statements (a batch's each) and round trips (a batch is one).
type statementCounter struct {
	mu         sync.Mutex
	on         bool
	statements []string
	roundTrips int
}

func (c *statementCounter) record(sql string, trip bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.on {
		return
	}
	if sql != "" {
		first := strings.TrimSpace(sql)
		if i := strings.IndexByte(first, '\n'); i > 0 {
			first = first[:i]
		}
		c.statements = append(c.statements, first)
	}
	if trip {
		c.roundTrips++
	}
}

func (c *statementCounter) TraceQueryStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	c.record(d.SQL, true)
	return ctx
}
func (c *statementCounter) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}
func (c *statementCounter) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	c.record("", true)
	return ctx
}
func (c *statementCounter) TraceBatchQuery(_ context.Context, _ *pgx.Conn, d pgx.TraceBatchQueryData) {
	c.record(d.SQL, false)
}
func (c *statementCounter) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData) {}
func (c *statementCounter) TraceCopyFromStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceCopyFromStartData) context.Context {
	c.record("COPY "+d.TableName.Sanitize(), true)
	return ctx
}
func (c *statementCounter) TraceCopyFromEnd(context.Context, *pgx.Conn, pgx.TraceCopyFromEndData) {}

// measure counts what fn sends.
func (c *statementCounter) measure(fn func()) (statements []string, roundTrips int) {
	c.mu.Lock()
	c.on, c.statements, c.roundTrips = true, nil, 0
	c.mu.Unlock()
	fn()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.on = false
	return c.statements, c.roundTrips
}

// newCountingBiddingFixture is newBiddingFixture on a pool that counts statements.
func newCountingBiddingFixture(t *testing.T) (*biddingFixture, *statementCounter) {
	cfg, err := pgxpool.ParseConfig(storetest.NewURL(t))
	if err != nil {
		t.Fatal(err)
	}
	c := &statementCounter{}
	cfg.ConnConfig.Tracer = c
	cfg.MaxConns = 12
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	st, err := store.New(pool)
	if err != nil {
		t.Fatal(err)
	}
	f := fixtureOn(newEnvOn(t, st, pool))
	return publishForBidding(&orderFixture{fixture: f}), c
}

// TestAwardStatementCount: what one award sends to Postgres (issue 24,
// point 5), request included (the session, the answer's contract). A
// partial award and the award that closes the order with five other open
// bids cost the same: the closed bids' notifications are one insert.
// Before (issue 24) they were 16 and 25: the bid and its order read
// before the transaction, order, bid and workshop read one by one, each
// write and each notification a statement, the order locked again to
// close it. The figures are ceilings: a change that adds a statement to the award
// fails here, and the count is in the log (-v).
func TestAwardStatementCount(t *testing.T) {
	t.Parallel()
	f, c := newCountingBiddingFixture(t)
	partial := f.bid("workshop", bidBody(1000, 150), 201).str("id")
	closing := f.bid("workshop2", bidBody(4000, 150), 201).str("id")
	for i := range 5 {
		name := "extra" + string(rune('a'+i))
		f.as[name] = f.registerWorkshop(name + "@w.cn")
		f.bid(name, bidBody(1000, 150), 201)
	}
	for _, tc := range []struct {
		name, bid       string
		statements, rts int
	}{
		{"partial", partial, 9, 9},
		{"closing the order, 5 open bids ended", closing, 12, 12},
	} {
		stmts, rts := c.measure(func() { f.bidAction("owner", tc.bid, "accept", confirmAward, 201) })
		// River wakes its workers with pg_notify after an insert at most
		// once per 100 ms per queue, whatever the rate: not the award's.
		if i := slices.IndexFunc(stmts, func(s string) bool { return strings.Contains(s, "PGNotifyMany") }); i >= 0 {
			stmts, rts = slices.Delete(stmts, i, i+1), rts-1
		}
		t.Logf("%s: %d statements, %d round trips:\n  %s", tc.name, len(stmts), rts, strings.Join(stmts, "\n  "))
		if len(stmts) > tc.statements || rts > tc.rts {
			t.Errorf("%s: %d statements in %d round trips, want at most %d in %d", tc.name, len(stmts), rts, tc.statements, tc.rts)
		}
	}
	var open, notices int
	if err := f.pool.QueryRow(context.Background(), `SELECT
		(SELECT count(*) FROM bids WHERE order_id = $1 AND status = 'submitted'),
		(SELECT count(*) FROM notifications WHERE kind = 'bid.order_closed')`, f.orderID).Scan(&open, &notices); err != nil {
		t.Fatal(err)
	}
	if open != 0 || notices != 5 {
		t.Fatalf("after the closing award: %d open bids, %d order-closed notices; want 0 and 5", open, notices)
	}
}
