package store_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"doorstep/server/store"
	"doorstep/server/store/storetest"
)

// TestOpenPoolWithPoolParams: pool_max_conns in DATABASE_URL, as the README
// documents, must neither stop the database being created nor be ignored.
func TestOpenPoolWithPoolParams(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "doorstep_test_pool_" + hex.EncodeToString(b) // missing: OpenPool creates it
	u, err := url.Parse(storetest.ServerURL())
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	q := u.Query()
	q.Set("pool_max_conns", "3")
	q.Set("pool_max_conn_idle_time", "1m")
	u.RawQuery = q.Encode()
	t.Cleanup(func() { dropTestDB(t, name) })

	pool, err := store.OpenPool(ctx, u.String(), store.PoolOptions{})
	if err != nil {
		t.Fatalf("OpenPool with pool parameters: %v", err)
	}
	defer pool.Close()
	if got := pool.Config().MaxConns; got != 3 {
		t.Fatalf("pool_max_conns ignored: MaxConns = %d", got)
	}
	// A second start finds the database and still accepts the parameters.
	if err := store.EnsureDatabase(ctx, u.String()); err != nil {
		t.Fatal(err)
	}
}

func dropTestDB(t *testing.T, name string) {
	if !strings.HasPrefix(name, "doorstep_test_") {
		t.Fatalf("refusing to drop %s", name)
	}
	u, _ := url.Parse(storetest.ServerURL())
	u.Path = "/postgres"
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	admin, err := pgx.Connect(ctx, u.String())
	if err != nil {
		return
	}
	defer admin.Close(ctx)
	_, _ = admin.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
}
