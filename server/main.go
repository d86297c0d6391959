// Command doorstep is the Doorstep (家门口) server. Subcommands:
//
//	serve                 run the HTTP server and the job workers (migrates first unless AUTO_MIGRATE=false)
//	migrate               apply database migrations (River's and ours)
//	seed --demo           load the demo organisations and logins (idempotent)
//	seed --scale N        generate a deterministic marketplace of N orders (server/seed/scale)
//	reindex               rebuild the search indexes (orders, workshops) from the database (zero downtime)
//	staff create --email E --password P --role admin|moderator
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"

	"doorstep/search/pgsearch"
	"doorstep/server/accounts"
	"doorstep/server/api"
	"doorstep/server/config"
	"doorstep/server/debug"
	"doorstep/server/jobs"
	"doorstep/server/mail"
	"doorstep/server/money"
	"doorstep/server/payments"
	"doorstep/server/seed"
	"doorstep/server/seed/scale"
	"doorstep/server/store"
	"doorstep/server/synonyms"
	"doorstep/server/workflows"
)

const usage = `usage: doorstep <command>
  serve                                           run the server
  migrate                                         apply database migrations
  seed --demo                                     load demo data (idempotent)
  seed --scale N [--seed S]                       generate a marketplace of N orders into an empty database
  reindex                                         rebuild the search indexes (orders, workshops)
  staff create --email E --password P --role R    create or update a staff account (R: admin|moderator)`

// databaseWait bounds how long a command waits for the database to accept connections.
const databaseWait = 90 * time.Second

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, usage)
		os.Exit(2)
	}
	cfg, err := config.FromEnv()
	if err != nil {
		fmt.Fprintf(os.Stderr, "configuration error:\n%v\n", err)
		os.Exit(2)
	}
	log := newLogger(cfg)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, cfg, log, os.Args[1], os.Args[2:]); err != nil {
		log.Error("command failed", "command", os.Args[1], "err", err)
		os.Exit(1)
	}
}

func newLogger(cfg config.Config) *slog.Logger {
	opts := &slog.HandlerOptions{Level: cfg.LogLevel}
	if cfg.LogFormat == "text" {
		return slog.New(slog.NewTextHandler(os.Stdout, opts))
	}
	return slog.New(slog.NewJSONHandler(os.Stdout, opts))
}

func run(ctx context.Context, cfg config.Config, log *slog.Logger, cmd string, args []string) error {
	switch cmd {
	case "serve", "migrate", "seed", "staff", "reindex":
	default:
		return fmt.Errorf("unknown command %q\n%s", cmd, usage)
	}
	// Commands, migrations and the job workers use this pool, with no
	// request timeouts (a migration or a reindex may take long); `serve`
	// opens the API its own pool with them, so River never waits behind
	// requests and requests never wait behind jobs. Postgres may still be
	// starting (docker compose, a host reboot): wait for it, within a bound.
	pool, err := store.OpenPoolRetry(ctx, cfg.DatabaseURL, store.PoolOptions{MaxConns: int32(cfg.RiverPoolSize)}, databaseWait, log)
	if err != nil {
		return err
	}
	defer pool.Close()
	st, err := store.New(pool)
	if err != nil {
		return err
	}
	switch cmd {
	case "migrate":
		if err := st.Migrate(ctx); err != nil {
			return err
		}
		log.Info("migrations applied")
		return nil
	case "seed":
		fs := flag.NewFlagSet("seed", flag.ContinueOnError)
		demo := fs.Bool("demo", false, "load the demo organisations and logins")
		n := fs.Int("scale", 0, "generate a marketplace of N orders (N/10 workshops, N/20 companies) into an empty database")
		seedN := fs.Uint64("seed", 1, "with --scale: the random seed (same seed, same marketplace)")
		if err := fs.Parse(args); err != nil {
			return err
		}
		if !*demo && *n == 0 {
			return errors.New("seed: pass --demo or --scale N")
		}
		if err := st.Migrate(ctx); err != nil {
			return err
		}
		if *n > 0 {
			return seedScale(ctx, cfg, log, pool, st, *n, *seedN)
		}
		// Demo contracts are funded by bank transfer that finance confirms.
		set, err := workflows.New(workflows.Deps{Store: st, Config: cfg, Provider: payments.ManualProvider{}, Log: log})
		if err != nil {
			return err
		}
		return seed.Demo(ctx, set, log)
	case "staff":
		return staffCommand(ctx, st, log, args)
	case "reindex":
		if err := st.Migrate(ctx); err != nil {
			return err
		}
		return reindex(ctx, cfg, log, pool, st)
	}
	return serve(ctx, cfg, log, pool, st)
}

// reindex rebuilds both search indexes; one failing does not keep the
// other from being rebuilt.
func reindex(ctx context.Context, cfg config.Config, log *slog.Logger, pool *pgxpool.Pool, st *store.Store) error {
	engine, err := newEngine(ctx, cfg, pool, log)
	if err != nil {
		return err
	}
	workshops, err := newWorkshopEngine(ctx, cfg, pool, log)
	if err != nil {
		return err
	}
	return errors.Join(synonyms.Reload(ctx, st, engine, workshops), jobs.Reindex(ctx, jobs.Deps{Store: st, Engine: engine, Workshops: workshops, Log: log}))
}

// seedScale generates a marketplace (server/seed/scale), then indexes it.
func seedScale(ctx context.Context, cfg config.Config, log *slog.Logger, pool *pgxpool.Pool, st *store.Store, n int, seedN uint64) error {
	t0 := time.Now()
	rep, err := scale.Load(ctx, pool, st, scale.Options{N: n, Seed: seedN, Base: time.Now()})
	if err != nil {
		return err
	}
	t1 := time.Now()
	fmt.Fprintf(os.Stderr, "[seed --scale] indexing for search (reindex)\n")
	if err := reindex(ctx, cfg, log, pool, st); err != nil {
		return err
	}
	log.Info("scale seed ready", "orders", n, "seed", seedN, "rows", rep.Counts, "generate_s", rep.Generate.Seconds(),
		"copy_s", rep.Copy.Seconds(), "reindex_s", time.Since(t1).Seconds(), "total_s", time.Since(t0).Seconds(),
		"ledger", rep.Check.String(), "password", scale.Password)
	return nil
}

func staffCommand(ctx context.Context, st *store.Store, log *slog.Logger, args []string) error {
	if len(args) == 0 || args[0] != "create" {
		return errors.New("usage: staff create --email E --password P --role admin|moderator")
	}
	fs := flag.NewFlagSet("staff create", flag.ContinueOnError)
	email := fs.String("email", "", "staff email")
	password := fs.String("password", "", "password (at least 10 characters)")
	role := fs.String("role", "moderator", "admin or moderator")
	name := fs.String("name", "平台工作人员", "display name")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	u, err := accounts.CreateStaff(ctx, st, *email, *password, *role, *name)
	if err != nil {
		return err
	}
	log.Info("staff account ready", "email", u.Email, "role", u.StaffRole)
	return nil
}

func serve(ctx context.Context, cfg config.Config, log *slog.Logger, pool *pgxpool.Pool, st *store.Store) error {
	if cfg.AutoMigrate {
		if err := st.Migrate(ctx); err != nil {
			return err
		}
	}
	var mailer mail.Mailer = mail.NewLogMailer(log)
	if cfg.SMTPHost != "" {
		mailer = &mail.SMTPMailer{Host: cfg.SMTPHost, Port: cfg.SMTPPort, User: cfg.SMTPUser, Password: cfg.SMTPPass, From: cfg.MailFrom}
	}
	apiPool, err := store.OpenPool(ctx, cfg.DatabaseURL, store.PoolOptions{StatementTimeout: cfg.DBStatementTimeout, LockTimeout: cfg.DBLockTimeout})
	if err != nil {
		return err
	}
	defer apiPool.Close()
	apiStore, err := store.NewWithOptions(apiPool, store.Options{AcquireTimeout: cfg.DBAcquireTimeout})
	if err != nil {
		return err
	}
	engine, err := newEngine(ctx, cfg, pool, log)
	if err != nil {
		return err
	}
	workshops, err := newWorkshopEngine(ctx, cfg, pool, log)
	if err != nil {
		return err
	}
	watchSynonyms(ctx, st, log, engine, workshops)
	metrics := jobs.NewMetrics(prometheus.DefaultRegisterer, pool)
	// Changes publish their jobs in their own transactions (server/events);
	// these workers run them. The start-up full reconcile (RunOnStart)
	// rebuilds both indexes.
	provider := money.NewProvider(cfg)
	log.Info("payment provider", "provider", provider.Name())
	files, err := newBlob(ctx, cfg)
	if err != nil {
		return err
	}
	// One constructor builds the workflows for the workers (River's pool)
	// and for the API (its own pool, with timeouts), from the same configuration.
	jobFlows, err := workflows.New(workflows.Deps{Store: st, Config: cfg, Provider: provider, Blob: files, Mailer: mailer, Log: log,
		Engines: []any{engine, workshops}})
	if err != nil {
		return err
	}
	workers, err := jobs.NewClient(pool, jobs.Deps{Store: st, Engine: engine, Workshops: workshops, Metrics: metrics,
		Mailer: mailer, BaseURL: cfg.AppBaseURL, Log: log, Workflows: jobFlows})
	if err != nil {
		return err
	}
	if err := workers.Start(ctx); err != nil {
		return err
	}
	// The API searches through engines on its own pool (the embedded
	// Postgres engine is a set of queries, so they get the API's timeouts).
	apiEngine, apiWorkshops := engine, workshops
	if cfg.MeiliURL == "" {
		apiEngine, apiWorkshops = pgsearch.New(apiPool), pgsearch.NewWorkshops(apiPool)
	}
	if cfg.DebugAddr != "" { // loopback only (config): profiles, RSS and heap, the engines' own timings
		orderT, workshopT := debug.NewTimings("search_orders"), debug.NewTimings("search_workshops")
		apiEngine, apiWorkshops = debug.TimedEngine{Engine: apiEngine, T: orderT}, debug.TimedWorkshops{WorkshopEngine: apiWorkshops, T: workshopT}
		debug.Serve(ctx, cfg.DebugAddr, log, orderT, workshopT)
	}
	apiFlows, err := workflows.New(workflows.Deps{Store: apiStore, Config: cfg, Provider: provider, Blob: files, Mailer: mailer, Log: log,
		Engines: []any{apiEngine, apiWorkshops}})
	if err != nil {
		return err
	}
	app := api.New(api.Options{Config: cfg, Store: apiStore, Pool: apiPool, Logger: log, Engine: apiEngine,
		Workshops: apiWorkshops, Workflows: apiFlows, Registry: prometheus.DefaultRegisterer, Gatherer: prometheus.DefaultGatherer})

	errc := make(chan error, 1)
	go func() { errc <- api.Listen(app, cfg.Addr, log) }()
	log.Info("listening", "addr", cfg.Addr, "frontend_dir", cfg.FrontendDir)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// Stop accepting, let in-flight requests finish, then stop the workers.
	log.Info("shutting down", "timeout", cfg.ShutdownTimeout.String())
	if err := app.ShutdownWithTimeout(cfg.ShutdownTimeout); err != nil {
		log.Error("http shutdown", "err", err)
	}
	stopCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := workers.Stop(stopCtx); err != nil {
		log.Error("workers shutdown", "err", err)
	}
	log.Info("stopped")
	return nil
}
