package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// PoolOptions shape a pool. The API's pool has statement and lock timeouts
// so one held row lock cannot tie up every connection: a request that
// waits too long fails fast (503 with Retry-After) and frees its
// connection. River and the migrations get their own pool without them.
type PoolOptions struct {
	MaxConns         int32         // 0: 20, unless pool_max_conns is in the URL
	StatementTimeout time.Duration // 0: the server's default (none)
	LockTimeout      time.Duration // 0: the server's default (none)
}

// OpenPool connects to databaseURL, creating the database (UTF-8) if it
// does not exist yet. Settings written in the URL win over o.
func OpenPool(ctx context.Context, databaseURL string, o PoolOptions) (*pgxpool.Pool, error) {
	if err := EnsureDatabase(ctx, databaseURL); err != nil {
		return nil, err
	}
	cfg, err := pgxpool.ParseConfig(databaseURL)
	if err != nil {
		return nil, fmt.Errorf("DATABASE_URL: %w", err)
	}
	// pgx defaults to max(4, CPUs) connections, too few for the API on a
	// 2-core machine. pool_max_conns in DATABASE_URL still wins.
	if !strings.Contains(databaseURL, "pool_max_conns") {
		cfg.MaxConns = 20
		if o.MaxConns > 0 {
			cfg.MaxConns = o.MaxConns
		}
	}
	setParam(cfg.ConnConfig, "statement_timeout", o.StatementTimeout)
	setParam(cfg.ConnConfig, "lock_timeout", o.LockTimeout)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connect to database: %w", err)
	}
	return pool, nil
}

func setParam(c *pgx.ConnConfig, name string, d time.Duration) {
	if _, set := c.RuntimeParams[name]; set || d <= 0 {
		return
	}
	c.RuntimeParams[name] = strconv.FormatInt(d.Milliseconds(), 10) // milliseconds
}

// ErrBusy: every connection stayed in use for the whole acquire timeout.
var ErrBusy = errors.New("store: no database connection became free in time")

// timedPool is the pool with a bound on waiting for a free connection, so
// an exhausted pool answers "busy" quickly instead of after the request
// deadline. It satisfies the generated queries' DBTX.
type timedPool struct {
	pool *pgxpool.Pool
	wait time.Duration // 0: wait as long as ctx allows
}

func (p timedPool) acquire(ctx context.Context) (*pgxpool.Conn, error) {
	if p.wait <= 0 {
		return p.pool.Acquire(ctx)
	}
	actx, cancel := context.WithTimeout(ctx, p.wait)
	defer cancel()
	c, err := p.pool.Acquire(actx)
	if err != nil && ctx.Err() == nil && errors.Is(actx.Err(), context.DeadlineExceeded) {
		return nil, fmt.Errorf("%w (%s): %v", ErrBusy, p.wait, err)
	}
	return c, err
}

func (p timedPool) Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error) {
	c, err := p.acquire(ctx)
	if err != nil {
		return pgconn.CommandTag{}, err
	}
	defer c.Release()
	return c.Exec(ctx, sql, args...)
}

func (p timedPool) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	c, err := p.acquire(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := c.Query(ctx, sql, args...)
	if err != nil {
		c.Release()
		return nil, err
	}
	return &connRows{Rows: rows, conn: c}, nil
}

func (p timedPool) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row {
	c, err := p.acquire(ctx)
	if err != nil {
		return errRow{err}
	}
	return &connRow{row: c.QueryRow(ctx, sql, args...), conn: c}
}

// connRows gives the connection back when the rows are closed.
type connRows struct {
	pgx.Rows
	conn *pgxpool.Conn
}

func (r *connRows) Close() {
	r.Rows.Close()
	if r.conn != nil {
		r.conn.Release()
		r.conn = nil
	}
}

type connRow struct {
	row  pgx.Row
	conn *pgxpool.Conn
}

func (r *connRow) Scan(dest ...any) error {
	defer r.conn.Release()
	return r.row.Scan(dest...)
}

type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

// IsUnavailable reports whether err means the database cannot serve the
// request now but may soon: unreachable, shutting down, out of connections,
// a lock or statement timeout, a deadlock or serialisation failure, or the
// request's own deadline. The API answers these 503 with Retry-After.
func IsUnavailable(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, ErrBusy) || errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case "55P03", // lock_not_available (lock_timeout)
			"57014",                   // query_canceled (statement_timeout)
			"57P01", "57P02", "57P03", // admin/crash shutdown, cannot connect now
			"53300",          // too_many_connections
			"40001", "40P01": // serialization failure, deadlock
			return true
		}
		return strings.HasPrefix(pgErr.Code, "08") // connection exceptions
	}
	var connectErr *pgconn.ConnectError
	var netErr net.Error
	return errors.As(err, &connectErr) || errors.As(err, &netErr) || pgconn.Timeout(err) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, net.ErrClosed)
}
