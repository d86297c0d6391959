// Package store is the Postgres layer: a pgx pool, sqlc-generated queries
// (SQL lives in queries/*.sql, compiled into dbq) and one explicit
// transaction per write. It holds no user-facing text.
package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"doorstep/server/events"
	"doorstep/server/store/dbq"
)

// Store owns the pool. Callers read through DB() and write inside Tx();
// both hand out a *DB whose methods are the only way to the generated
// queries (server/store/dbq), which nothing outside this package imports.
type Store struct {
	pool *pgxpool.Pool
	conn timedPool // the pool, with the acquire timeout
	q    *dbq.Queries
	pub  *events.Publisher
}

// Options tune a Store.
type Options struct {
	// AcquireTimeout bounds the wait for a free connection (ErrBusy after
	// it); 0 waits as long as the caller's context allows.
	AcquireTimeout time.Duration
}

// New wraps an existing pool.
func New(pool *pgxpool.Pool) (*Store, error) { return NewWithOptions(pool, Options{}) }

// NewWithOptions wraps an existing pool with o.
func NewWithOptions(pool *pgxpool.Pool, o Options) (*Store, error) {
	pub, err := events.NewPublisher(pool)
	if err != nil {
		return nil, err
	}
	conn := timedPool{pool: pool, wait: o.AcquireTimeout}
	return &Store{pool: pool, conn: conn, q: dbq.New(conn), pub: pub}, nil
}

func (s *Store) Close() { s.pool.Close() }

// DB is a handle on the database: the pool (Store.DB) or one transaction
// (inside Store.Tx). Every query is a method on it.
type DB struct {
	q       *dbq.Queries
	tx      pgx.Tx         // nil outside a transaction
	events  []events.Event // published with the transaction
	notices []Notification // written with the transaction, in one insert
}

// DB returns a handle for reads (each statement on its own).
func (s *Store) DB() *DB { return &DB{q: s.q} }

// Tx runs fn in one transaction, committing only if fn returns nil. The
// notifications fn sent are written in one statement, and the events its
// writes recorded published (as River jobs), in the same transaction, so a
// change and what follows from it commit together.
func (s *Store) Tx(ctx context.Context, fn func(db *DB) error) error {
	conn, err := s.conn.acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	return pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		db := &DB{q: s.q.WithTx(tx), tx: tx}
		if err := fn(db); err != nil {
			return err
		}
		if err := db.flushNotifications(ctx); err != nil {
			return err
		}
		return s.pub.Publish(ctx, tx, db.events)
	})
}

var errNoTx = errors.New("store: a write that publishes events must run inside Store.Tx")

// Emit records an event to publish when the transaction commits.
func (d *DB) Emit(ev events.Event) error {
	if d.tx == nil {
		return errNoTx
	}
	d.events = append(d.events, ev)
	return nil
}

// EnsureDatabase creates the target database when it is missing. It connects
// to the server's maintenance database "postgres" to do so.
func EnsureDatabase(ctx context.Context, databaseURL string) error {
	u, err := url.Parse(databaseURL)
	if err != nil {
		return fmt.Errorf("DATABASE_URL: %w", err)
	}
	name := strings.TrimPrefix(u.Path, "/")
	if name == "" || name == "postgres" {
		return nil
	}
	u = withoutPoolParams(u)
	conn, err := pgx.Connect(ctx, u.String())
	if err == nil {
		return conn.Close(ctx)
	}
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "3D000" { // invalid_catalog_name
		return fmt.Errorf("connect to database: %w", err)
	}
	admin := *u
	admin.Path = "/postgres"
	conn, err = pgx.Connect(ctx, admin.String())
	if err != nil {
		return fmt.Errorf("connect to maintenance database to create %q: %w", name, err)
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()+" ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0")
	if err != nil {
		var dup *pgconn.PgError
		if errors.As(err, &dup) && dup.Code == "42P04" { // created concurrently by another process
			return nil
		}
		// Some servers lack the C.UTF-8 locale; the encoding is what matters.
		_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()+" ENCODING 'UTF8' TEMPLATE template0")
	}
	return err
}

// withoutPoolParams drops pgxpool's own settings (pool_max_conns, …) from
// a database URL: they are valid for pgxpool.ParseConfig, but a single
// pgx.Connect sends unknown parameters to the server, which refuses them.
func withoutPoolParams(u *url.URL) *url.URL {
	c := *u
	q := c.Query()
	for k := range q {
		if strings.HasPrefix(k, "pool_") {
			q.Del(k)
		}
	}
	c.RawQuery = q.Encode()
	return &c
}

// IsUniqueViolation reports whether err is a unique constraint violation on constraint (any if empty).
func IsUniqueViolation(err error, constraint string) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "23505" && (constraint == "" || pgErr.ConstraintName == constraint)
}

// IsNoRows reports whether err means the query found nothing.
func IsNoRows(err error) bool { return errors.Is(err, pgx.ErrNoRows) }

// Ping checks the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.pool.Ping(ctx) }
