// Package storetest gives each test its own Postgres database, cloned from a
// template that is migrated once per migration set (the approach of pgtestdb).
//
// TEST_DATABASE_URL points at the server (default the local one). Only
// databases named with the doorstep_test_ prefix are ever created or dropped.
package storetest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"doorstep/migrations"
	"doorstep/server/store"
)

const prefix = "doorstep_test_"

var (
	templateOnce sync.Once
	templateName string
	templateErr  error
)

// ServerURL is the Postgres server the tests use.
func ServerURL() string {
	if v := os.Getenv("TEST_DATABASE_URL"); v != "" {
		return v
	}
	return "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
}

// New returns a store on a fresh, migrated database that is dropped when the test ends.
func New(t testing.TB) *store.Store {
	t.Helper()
	st, _ := NewWithPool(t)
	return st
}

// NewPool returns only the pool of a fresh, migrated database (search engines).
func NewPool(t testing.TB) *pgxpool.Pool {
	t.Helper()
	_, pool := NewWithPool(t)
	return pool
}

// NewWithPool is New, also returning the pool (for River clients, the
// embedded search engine and tests that set up rows with raw SQL).
func NewWithPool(t testing.TB) (*store.Store, *pgxpool.Pool) {
	t.Helper()
	url := NewURL(t)
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		t.Fatal(err)
	}
	cfg.MaxConns = 12 // like production, more than River plus the sync workers hold
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	st, err := store.New(pool)
	if err != nil {
		t.Fatal(err)
	}
	return st, pool
}

// NewURL creates a fresh migrated database and returns its URL.
func NewURL(t testing.TB) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	templateOnce.Do(func() { templateName, templateErr = ensureTemplate(ctx) })
	if templateErr != nil {
		t.Fatalf("test database template: %v", templateErr)
	}
	admin, err := pgx.Connect(ctx, withDB(ServerURL(), "postgres"))
	if err != nil {
		t.Fatalf("connect to test Postgres (set TEST_DATABASE_URL): %v", err)
	}
	defer admin.Close(ctx)
	name := prefix + randomHex(8)
	if _, err := admin.Exec(ctx, fmt.Sprintf("CREATE DATABASE %s TEMPLATE %s", name, templateName)); err != nil {
		t.Fatalf("clone template: %v", err)
	}
	t.Cleanup(func() { drop(name) })
	return withDB(ServerURL(), name)
}

// NewEmptyURL creates a fresh database with nothing in it (no migrations),
// dropped when the test ends, and returns its URL: for testing the
// migrations themselves.
func NewEmptyURL(t testing.TB) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	admin, err := pgx.Connect(ctx, withDB(ServerURL(), "postgres"))
	if err != nil {
		t.Fatalf("connect to test Postgres (set TEST_DATABASE_URL): %v", err)
	}
	defer admin.Close(ctx)
	name := prefix + randomHex(8)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name+" ENCODING 'UTF8' TEMPLATE template0"); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() { drop(name) })
	return withDB(ServerURL(), name)
}

// ensureTemplate migrates a template database named after a hash of the
// migration files, so a changed migration gets a new template. An advisory
// lock serialises test binaries racing to build it.
func ensureTemplate(ctx context.Context) (string, error) {
	name := prefix + "tpl_" + migrationsHash()
	admin, err := pgx.Connect(ctx, withDB(ServerURL(), "postgres"))
	if err != nil {
		return "", err
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "SELECT pg_advisory_lock(74650001)"); err != nil {
		return "", err
	}
	defer admin.Exec(context.Background(), "SELECT pg_advisory_unlock(74650001)")
	var exists bool
	if err := admin.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate)", name).Scan(&exists); err != nil {
		return "", err
	}
	if exists {
		return name, nil
	}
	_, _ = admin.Exec(ctx, "DROP DATABASE IF EXISTS "+name) // a half-built one from a killed run
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name+" ENCODING 'UTF8' TEMPLATE template0"); err != nil {
		return "", err
	}
	pool, err := store.OpenPool(ctx, withDB(ServerURL(), name), store.PoolOptions{})
	if err != nil {
		return "", err
	}
	s, err := store.New(pool)
	if err == nil {
		err = s.Migrate(ctx)
	}
	pool.Close() // a template must have no connections when it is cloned
	if err != nil {
		return "", err
	}
	_, err = admin.Exec(ctx, "ALTER DATABASE "+name+" WITH is_template true")
	return name, err
}

func drop(name string) {
	if !strings.HasPrefix(name, prefix) { // never drop anything but a test database
		panic("refusing to drop " + name)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	admin, err := pgx.Connect(ctx, withDB(ServerURL(), "postgres"))
	if err != nil {
		return
	}
	defer admin.Close(ctx)
	_, _ = admin.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
}

func migrationsHash() string {
	h := sha256.New()
	_ = fs.WalkDir(migrations.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := fs.ReadFile(migrations.FS, path)
		h.Write([]byte(path))
		h.Write(b)
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))[:12]
}

func withDB(serverURL, db string) string {
	u, err := url.Parse(serverURL)
	if err != nil {
		panic(err)
	}
	u.Path = "/" + db
	return u.String()
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
