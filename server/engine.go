package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"doorstep/search"
	"doorstep/search/meili"
	"doorstep/search/pgsearch"
	"doorstep/server/blob"
	"doorstep/server/config"
	"doorstep/server/store"
	"doorstep/server/synonyms"
)

// newEngine picks Meilisearch when MEILI_URL is set, else the embedded
// Postgres engine. Settings are applied at start; an unreachable engine is
// logged, not fatal: sync jobs retry until it is back.
func newEngine(ctx context.Context, cfg config.Config, pool *pgxpool.Pool, log *slog.Logger) (search.Engine, error) {
	var e search.Engine
	if cfg.MeiliURL != "" {
		m, err := meili.New(cfg.MeiliURL, cfg.MeiliAPIKey, "orders")
		if err != nil {
			return nil, err
		}
		e = m
	} else {
		e = pgsearch.New(pool)
	}
	if err := e.ApplySettings(ctx); err != nil {
		log.ErrorContext(ctx, "search engine settings not applied; will retry through sync jobs", "engine", e.Name(), "err", err)
	}
	log.InfoContext(ctx, "search engine", "engine", e.Name())
	return e, nil
}

// newWorkshopEngine is the workshop index on the same backend: the
// Meilisearch index "workshops", or the embedded Postgres table.
func newWorkshopEngine(ctx context.Context, cfg config.Config, pool *pgxpool.Pool, log *slog.Logger) (search.WorkshopEngine, error) {
	var w search.WorkshopEngine
	if cfg.MeiliURL != "" {
		m, err := meili.NewWorkshops(cfg.MeiliURL, cfg.MeiliAPIKey, "workshops")
		if err != nil {
			return nil, err
		}
		w = m
	} else {
		w = pgsearch.NewWorkshops(pool)
	}
	if err := w.ApplyWorkshopSettings(ctx); err != nil {
		log.ErrorContext(ctx, "workshop index settings not applied; will retry through sync jobs", "err", err)
	}
	return w, nil
}

// newBlob is where uploaded images go: S3-compatible storage when
// S3_ENDPOINT is set, else UPLOAD_DIR on local disk.
func newBlob(ctx context.Context, cfg config.Config) (blob.Storage, error) {
	if cfg.S3Endpoint == "" {
		return blob.Disk{Dir: cfg.UploadDir}, nil
	}
	return blob.NewS3(ctx, blob.S3Config{Endpoint: cfg.S3Endpoint, Bucket: cfg.S3Bucket, AccessKey: cfg.S3AccessKey,
		SecretKey: cfg.S3SecretKey, Region: cfg.S3Region, UseSSL: cfg.S3UseSSL})
}

// watchSynonyms hands staff's search synonyms (with the built-in ones) to
// the engines now and every minute until ctx ends, so that a change made
// through another replica arrives within a minute. It also loads the query
// segmenter's dictionary (about two seconds) off the request path.
func watchSynonyms(ctx context.Context, st *store.Store, log *slog.Logger, engines ...any) {
	go search.WarmUp()
	load := func() {
		if err := synonyms.Reload(ctx, st, engines...); err != nil && ctx.Err() == nil {
			log.WarnContext(ctx, "search synonyms not loaded; retrying in a minute", "err", err)
		}
	}
	load()
	go func() {
		t := time.NewTicker(time.Minute)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				load()
			}
		}
	}()
}
