package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"doorstep/migrations"
)

// Migrate applies River's tables and then our numbered migrations. A
// Postgres session lock keeps concurrently starting replicas from racing.
func (s *Store) Migrate(ctx context.Context) error {
	rm, err := rivermigrate.New(riverpgxv5.New(s.pool), nil)
	if err != nil {
		return err
	}
	if _, err := rm.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("river migrations: %w", err)
	}
	p, closeFn, err := s.goose()
	if err != nil {
		return err
	}
	defer closeFn()
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	return nil
}

// MigrationsCurrent reports whether every migration has been applied.
func (s *Store) MigrationsCurrent(ctx context.Context) (bool, error) {
	p, closeFn, err := s.goose()
	if err != nil {
		return false, err
	}
	defer closeFn()
	pending, err := p.HasPending(ctx)
	if err != nil {
		return false, err
	}
	rm, err := rivermigrate.New(riverpgxv5.New(s.pool), nil)
	if err != nil {
		return false, err
	}
	res, err := rm.Validate(ctx, nil)
	if err != nil {
		return false, err
	}
	return !pending && res.OK, nil
}

func (s *Store) goose() (*goose.Provider, func(), error) {
	db := stdlib.OpenDBFromPool(s.pool)
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return nil, nil, err
	}
	p, err := goose.NewProvider(goose.DialectPostgres, db, migrations.FS, goose.WithSessionLocker(locker))
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return p, func() { p.Close() }, nil
}
