// Package store is the Postgres layer: a pgx pool, sqlc-generated queries
// (SQL lives in queries/*.sql) and one explicit transaction per write.
package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"doorstep/server/store/dbq"
)

// Store bundles the pool with the generated queries.
type Store struct {
	Pool          *pgxpool.Pool
	Q             *dbq.Queries
	OnOrderChange OrderHook // nil: nothing listens (tools, most tests)
	OnOrgChange   OrgHook   // nil: nothing listens (tools, most tests)
}

// Open connects to databaseURL, creating the database (UTF-8) if it does not exist yet.
func Open(ctx context.Context, databaseURL string) (*Store, error) {
	if err := EnsureDatabase(ctx, databaseURL); err != nil {
		return nil, err
	}
	cfg, err := pgxpool.ParseConfig(databaseURL)
	if err != nil {
		return nil, fmt.Errorf("DATABASE_URL: %w", err)
	}
	// pgx defaults to max(4, CPUs) connections, too few for the API, River
	// and the sync workers together on a 2-core machine. pool_max_conns in
	// DATABASE_URL still wins.
	if !strings.Contains(databaseURL, "pool_max_conns") {
		cfg.MaxConns = 20
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connect to database: %w", err)
	}
	return New(pool), nil
}

// New wraps an existing pool.
func New(pool *pgxpool.Pool) *Store { return &Store{Pool: pool, Q: dbq.New(pool)} }

func (s *Store) Close() { s.Pool.Close() }

// WithTx runs fn in one transaction, committing only if fn returns nil.
func (s *Store) WithTx(ctx context.Context, fn func(tx pgx.Tx, q *dbq.Queries) error) error {
	return pgx.BeginFunc(ctx, s.Pool, func(tx pgx.Tx) error { return fn(tx, s.Q.WithTx(tx)) })
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
	conn, err := pgx.Connect(ctx, databaseURL)
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

// IsUniqueViolation reports whether err is a unique constraint violation on constraint (any if empty).
func IsUniqueViolation(err error, constraint string) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "23505" && (constraint == "" || pgErr.ConstraintName == constraint)
}

// IsNoRows reports whether err means the query found nothing.
func IsNoRows(err error) bool { return errors.Is(err, pgx.ErrNoRows) }
