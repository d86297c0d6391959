package main

import (
	"context"
	"log/slog"
	"time"

	"doorstep/search"
	"doorstep/search/meili"
	"doorstep/search/pgsearch"
	"doorstep/server/api"
	"doorstep/server/config"
	"doorstep/server/store"
)

// newEngine picks Meilisearch when MEILI_URL is set, else the embedded
// Postgres engine. Settings are applied at start; an unreachable engine is
// logged, not fatal: sync jobs retry until it is back.
func newEngine(ctx context.Context, cfg config.Config, st *store.Store, log *slog.Logger) (search.Engine, error) {
	var e search.Engine
	if cfg.MeiliURL != "" {
		m, err := meili.New(cfg.MeiliURL, cfg.MeiliAPIKey, "orders")
		if err != nil {
			return nil, err
		}
		e = m
	} else {
		e = pgsearch.New(st.Pool)
	}
	if err := e.ApplySettings(ctx); err != nil {
		log.ErrorContext(ctx, "search engine settings not applied; will retry through sync jobs", "engine", e.Name(), "err", err)
	}
	log.InfoContext(ctx, "search engine", "engine", e.Name())
	return e, nil
}

// newWorkshopEngine is the workshop index on the same backend: the
// Meilisearch index "workshops", or the embedded Postgres table.
func newWorkshopEngine(ctx context.Context, cfg config.Config, st *store.Store, log *slog.Logger) (search.WorkshopEngine, error) {
	var w search.WorkshopEngine
	if cfg.MeiliURL != "" {
		m, err := meili.NewWorkshops(cfg.MeiliURL, cfg.MeiliAPIKey, "workshops")
		if err != nil {
			return nil, err
		}
		w = m
	} else {
		w = pgsearch.NewWorkshops(st.Pool)
	}
	if err := w.ApplyWorkshopSettings(ctx); err != nil {
		log.ErrorContext(ctx, "workshop index settings not applied; will retry through sync jobs", "err", err)
	}
	return w, nil
}

// watchSynonyms hands staff's search synonyms (with the built-in ones) to
// the engines now and every minute until ctx ends, so that a change made
// through another replica arrives within a minute. It also loads the query
// segmenter's dictionary (about two seconds) off the request path.
func watchSynonyms(ctx context.Context, st *store.Store, log *slog.Logger, engines ...any) {
	go search.WarmUp()
	load := func() {
		if err := api.ReloadSynonyms(ctx, st, engines...); err != nil && ctx.Err() == nil {
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
