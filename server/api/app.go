// Package api is the HTTP layer: one route table (routes.go), thin typed
// handlers (one file per resource) and one error writer (errors.go).
package api

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"
	"github.com/gofiber/fiber/v2/middleware/requestid"
	"github.com/google/uuid"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/jackc/pgx/v5/pgxpool"

	"doorstep/search"
	"doorstep/search/pgsearch"
	"doorstep/server/accounts"
	"doorstep/server/auth"
	"doorstep/server/bidding"
	"doorstep/server/blob"
	"doorstep/server/config"
	"doorstep/server/contracts"
	"doorstep/server/fulfilment"
	"doorstep/server/mail"
	"doorstep/server/market"
	"doorstep/server/money"
	"doorstep/server/notify"
	"doorstep/server/orders"
	"doorstep/server/payments"
	"doorstep/server/settlement"
	"doorstep/server/store"
	"doorstep/server/synonyms"
	"doorstep/server/uploads"
	"doorstep/server/workflows"
	"doorstep/server/workshopops"
)

const sessionCookie = "doorstep_session"

// Server holds the workflows handlers call and what the HTTP layer itself needs.
type Server struct {
	cfg     config.Config
	store   *store.Store // readiness checks only; handlers go through the workflows
	log     *slog.Logger
	metrics *metrics
	engine  search.Engine
	// workshops is the workshop index (GET /search/workshops).
	workshops search.WorkshopEngine
	now       func() time.Time
	// migrated caches a successful migration check for /readyz.
	migrated atomic.Bool

	accounts   *accounts.Service
	orders     *orders.Service
	bidding    *bidding.Service
	contracts  *contracts.Service
	money      *money.Service
	fulfilment *fulfilment.Service
	settlement *settlement.Service
	uploads    *uploads.Service
	synonyms   *synonyms.Service
	inbox      *notify.Inbox
	ops        *workshopops.Service // workshop operations (roster, piece records, distribution, impact)

	shell shell // index.html and the build manifest, for the pages the server fills in (shell.go)
}

// Options are the dependencies of New; zero values get sensible defaults.
type Options struct {
	Config   config.Config
	Store    *store.Store
	Logger   *slog.Logger
	Mailer   mail.Mailer
	Registry prometheus.Registerer // nil: a private registry (tests)
	Gatherer prometheus.Gatherer
	Hash     *auth.Params // nil: auth.DefaultParams
	Engine   search.Engine
	// Workshops is the workshop index; nil uses the embedded Postgres one.
	Workshops search.WorkshopEngine
	// Pool is the database pool of Store, for the embedded workshop index default.
	Pool *pgxpool.Pool
	// Provider moves money; nil is the manual provider (bank transfers).
	Provider payments.Provider
	// Blob stores uploaded images; nil keeps them under UPLOAD_DIR.
	Blob blob.Storage
	// Workflows are the workflows the handlers call (workflows.New, the one
	// constructor); nil builds them from the fields above.
	Workflows *workflows.Set
}

// New builds the Fiber app with every route and middleware.
func New(o Options) *fiber.App {
	s := &Server{cfg: o.Config, store: o.Store, log: o.Logger, engine: o.Engine, now: time.Now}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.workshops = o.Workshops; s.workshops == nil && o.Pool != nil {
		s.workshops = pgsearch.NewWorkshops(o.Pool)
	}
	set := o.Workflows
	if set == nil {
		var err error
		set, err = workflows.New(workflows.Deps{Store: o.Store, Config: o.Config, Provider: o.Provider, Blob: o.Blob,
			Mailer: o.Mailer, Log: s.log, Hash: o.Hash, Engines: []any{s.engine, s.workshops}})
		if err != nil {
			panic("api.New: " + err.Error()) // the configuration was validated when it was loaded
		}
	}
	s.wire(set)
	if o.Registry == nil {
		reg := prometheus.NewRegistry()
		o.Registry, o.Gatherer = reg, reg
	}
	s.metrics = newMetrics(o.Registry, o.Gatherer)

	app := fiber.New(fiber.Config{
		AppName: "doorstep",
		// Image uploads need more than a JSON body; bind holds JSON to BODY_LIMIT_BYTES.
		BodyLimit:    max(o.Config.BodyLimitBytes, uploads.MaxBytes+64<<10),
		ReadTimeout:  o.Config.ReadTimeout,
		WriteTimeout: o.Config.WriteTimeout,
		IdleTimeout:  o.Config.IdleTimeout,
		// Past this many open connections fasthttp answers 503 and closes:
		// an overload is refused instead of using up file descriptors.
		Concurrency:           o.Config.MaxConnections,
		DisableStartupMessage: true,
		ErrorHandler:          s.writeError,
	})
	lingerOnError(app)
	app.Use(requestid.New(requestid.Config{Generator: func() string { return uuid.NewString() }}))
	app.Use(s.observe)
	app.Use(recover.New(recover.Config{EnableStackTrace: true, StackTraceHandler: func(c *fiber.Ctx, e any) {
		s.log.Error("panic", "request_id", requestID(c), "panic", e)
	}}))
	app.Use(compressJSON)
	// Stripe's script and frames (the Payment Element) are allowed only when the
	// platform runs Stripe with a publishable key the browser can use.
	app.Use(securityHeaders(o.Config.MapTileOrigin(), s.money.Provider.Name() == payments.Stripe && o.Config.StripePublishable != ""))
	app.Use(s.authenticate)
	app.Use(s.checkOrigin)
	s.mount(app)
	return app
}

// clientIP is the caller's address for throttling and logs. Behind a proxy
// (TRUST_PROXY) it is the last X-Forwarded-For entry, the one our proxy
// appended: earlier entries come from the client and could be anything.
func (s *Server) clientIP(c *fiber.Ctx) string {
	if s.cfg.TrustProxy {
		xff := c.Get(fiber.HeaderXForwardedFor)
		if i := strings.LastIndexByte(xff, ','); i >= 0 {
			xff = xff[i+1:]
		}
		if ip := strings.TrimSpace(xff); ip != "" && len(ip) <= 64 {
			return strings.Clone(ip)
		}
	}
	return c.IP()
}

func requestID(c *fiber.Ctx) string {
	if v, ok := c.Locals(requestid.ConfigDefault.ContextKey).(string); ok {
		return v
	}
	return ""
}

// observe logs one line per request and records metrics by route template.
func (s *Server) observe(c *fiber.Ctx) error {
	start := time.Now()
	err := c.Next()
	if err != nil {
		if werr := s.writeError(c, err); werr != nil {
			s.log.Error("write error response", "err", werr)
		}
	}
	status := c.Response().StatusCode()
	route := "unmatched"
	if r := c.Route(); r != nil && r.Path != "/" && r.Path != "/*" && status != http.StatusNotFound {
		route = r.Path
	}
	elapsed := time.Since(start)
	s.metrics.observe(c.Method(), route, status, elapsed)
	level := slog.LevelInfo
	if status >= 500 {
		level = slog.LevelError
	}
	if strings.HasPrefix(c.Path(), "/api/") || status >= 400 {
		s.log.Log(c.UserContext(), level, "request", "request_id", requestID(c), "method", c.Method(),
			"path", c.Path(), "route", route, "status", status, "ms", float64(elapsed.Microseconds())/1000, "ip", s.clientIP(c))
	}
	return nil
}

// securityHeaders applies to every response; the CSP allows only the site's
// own scripts, and images only from the site and the map tile server
// (MAP_TILE_URL's host); with stripe, also Stripe.js, its frames and its API
// (the Payment Element). Ant Design injects CSS-in-JS, hence 'unsafe-inline'
// for styles.
func securityHeaders(tileOrigin string, stripe bool) fiber.Handler {
	script, connect, frame := "'self'", "'self'", ""
	if stripe {
		script, connect = "'self' https://js.stripe.com", "'self' https://api.stripe.com"
		frame = "frame-src https://js.stripe.com https://hooks.stripe.com; "
	}
	csp := "default-src 'self'; script-src " + script + "; style-src 'self' 'unsafe-inline'; " +
		strings.TrimSpace("img-src 'self' data: blob: "+tileOrigin) + "; font-src 'self' data:; connect-src " + connect + "; " + frame +
		"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
	return func(c *fiber.Ctx) error {
		c.Set("Content-Security-Policy", csp)
		c.Set("X-Content-Type-Options", "nosniff")
		c.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		c.Set("X-Frame-Options", "DENY")
		c.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(self)")
		return c.Next()
	}
}

type ctxKey int

const actorKey ctxKey = 1

// authenticate resolves a Bearer token or the session cookie into an actor.
// An unknown or expired token simply leaves the request anonymous; routes
// that need a user then answer 401.
func (s *Server) authenticate(c *fiber.Ctx) error {
	token, viaCookie := "", false
	if h := c.Get(fiber.HeaderAuthorization); strings.HasPrefix(h, "Bearer ") {
		token = strings.TrimSpace(h[len("Bearer "):])
	} else if v := c.Cookies(sessionCookie); v != "" {
		token, viaCookie = v, true
	}
	if token == "" || len(token) > 200 {
		return c.Next()
	}
	ctx, cancel := context.WithTimeout(c.UserContext(), 5*time.Second)
	defer cancel()
	actor, err := s.accounts.ActorBySession(ctx, token)
	if err != nil {
		return err
	}
	if actor != nil {
		c.Locals(actorKey, actor)
		c.Locals("via_cookie", viaCookie)
	}
	return c.Next()
}

func actorOf(c *fiber.Ctx) *market.Actor {
	a, _ := c.Locals(actorKey).(*market.Actor)
	return a
}

var errCSRF = market.E(market.CodeForbidden, "请求来源校验失败，请刷新页面后重试", "cross-site request refused; reload the page and try again")

// checkOrigin is the CSRF defence for cookie sessions: a state-changing
// request from a browser must come from our own origin, APP_BASE_URL (or
// ALLOWED_ORIGINS). Never the request's Host or X-Forwarded-Host: the
// sender chooses those. Bearer clients send no cookies and are not affected.
func (s *Server) checkOrigin(c *fiber.Ctx) error {
	switch c.Method() {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return c.Next()
	}
	origin := c.Get(fiber.HeaderOrigin)
	if origin == "" {
		if ref := c.Get(fiber.HeaderReferer); ref != "" {
			origin = originOf(ref)
		}
	}
	viaCookie, _ := c.Locals("via_cookie").(bool)
	switch {
	case origin != "" && !s.cfg.AllowedOrigin(origin):
		return errCSRF
	case origin == "" && viaCookie && c.Get("Sec-Fetch-Site") != "same-origin":
		return errCSRF
	}
	return c.Next()
}

func originOf(u string) string {
	if i := strings.Index(u, "://"); i > 0 {
		if j := strings.Index(u[i+3:], "/"); j >= 0 {
			return u[:i+3+j]
		}
		return u
	}
	return ""
}

func (s *Server) newCall(fc *fiber.Ctx, ctx context.Context) *Call {
	return &Call{
		Ctx: ctx, Actor: actorOf(fc), Lang: language(fc), IP: strings.Clone(s.clientIP(fc)),
		UserAgent: strings.Clone(fc.Get(fiber.HeaderUserAgent)), RequestID: requestID(fc),
	}
}

func (s *Server) applyCookie(fc *fiber.Ctx, ck *fiber.Cookie) {
	ck.Path = "/"
	ck.HTTPOnly = true
	ck.SameSite = fiber.CookieSameSiteLaxMode
	ck.Secure = s.cfg.CookieSecure
	if ck.Value == "" {
		fc.ClearCookie(sessionCookie)
		ck.Expires = time.Unix(0, 0)
		ck.MaxAge = -1
	}
	fc.Cookie(ck)
}

// wire keeps the workflows the handlers call.
func (s *Server) wire(w *workflows.Set) {
	s.accounts, s.orders, s.bidding, s.contracts, s.money = w.Accounts, w.Orders, w.Bidding, w.Contracts, w.Money
	s.fulfilment, s.settlement, s.uploads, s.synonyms, s.inbox, s.ops = w.Fulfilment, w.Settlement, w.Uploads, w.Synonyms, w.Inbox, w.Ops
}
