package store

import (
	"context"
	"errors"
	"log/slog"
	"net/url"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// OpenPoolRetry is OpenPool that waits for the database: at start-up (docker compose,
// a rebooting host) Postgres may not accept connections yet. It retries
// connection failures with backoff for at most wait, logging each one, and
// gives up at once on errors waiting cannot fix (a malformed URL, a wrong
// password, a missing role).
func OpenPoolRetry(ctx context.Context, databaseURL string, o PoolOptions, wait time.Duration, log *slog.Logger) (*pgxpool.Pool, error) {
	deadline := time.Now().Add(wait)
	delay := 250 * time.Millisecond
	for attempt := 1; ; attempt++ {
		pool, err := OpenPool(ctx, databaseURL, o)
		if err == nil {
			if attempt > 1 {
				log.Info("database reachable", "attempts", attempt)
			}
			return pool, nil
		}
		if !retryable(err) || time.Now().Add(delay).After(deadline) {
			return nil, err
		}
		log.Warn("database not reachable yet; retrying", "attempt", attempt, "retry_in", delay.String(),
			"gives_up_in", time.Until(deadline).Round(time.Second).String(), "err", err)
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(delay):
		}
		delay = min(delay*2, 5*time.Second)
	}
}

// retryable: the server answered with a real refusal (auth, permissions,
// bad parameters) or the URL cannot be parsed — waiting will not help.
// Transport errors and "starting up / too many connections" will pass.
func retryable(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case "57P03", "53300", "57P01": // cannot_connect_now, too_many_connections, admin_shutdown
			return true
		}
		return false
	}
	var parse *pgconn.ParseConfigError
	var badURL *url.Error
	return !errors.As(err, &parse) && !errors.As(err, &badURL)
}
