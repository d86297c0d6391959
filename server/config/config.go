// Package config reads the environment into one struct and validates it at
// start, so a bad variable stops the server with a message naming it.
package config

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

type Config struct {
	DatabaseURL     string        // DATABASE_URL
	Addr            string        // ADDR
	AppBaseURL      string        // APP_BASE_URL: public URL used in mailed links and the CSRF origin check
	AllowedOrigins  []string      // ALLOWED_ORIGINS: extra origins allowed to make cookie writes (dev servers)
	FrontendDir     string        // FRONTEND_DIR
	AutoMigrate     bool          // AUTO_MIGRATE
	LogLevel        slog.Level    // LOG_LEVEL
	LogFormat       string        // LOG_FORMAT: json | text
	SessionTTL      time.Duration // SESSION_TTL
	CookieSecure    bool          // COOKIE_SECURE
	BodyLimitBytes  int           // BODY_LIMIT_BYTES
	MaxConnections  int           // MAX_CONNECTIONS: open client connections; more are answered 503 and closed
	ReadTimeout     time.Duration // READ_TIMEOUT
	WriteTimeout    time.Duration // WRITE_TIMEOUT
	IdleTimeout     time.Duration // IDLE_TIMEOUT
	ShutdownTimeout time.Duration // SHUTDOWN_TIMEOUT
	TrustProxy      bool          // TRUST_PROXY: take the client IP from X-Forwarded-For
	DebugAddr       string        // DEBUG_ADDR: loopback-only listener for pprof and runtime figures; empty is off

	DBStatementTimeout time.Duration // DB_STATEMENT_TIMEOUT: longest statement of a request
	DBLockTimeout      time.Duration // DB_LOCK_TIMEOUT: longest wait for a row lock in a request
	DBAcquireTimeout   time.Duration // DB_ACQUIRE_TIMEOUT: longest wait for a free connection
	RiverPoolSize      int           // RIVER_POOL_SIZE: connections of the job workers' own pool

	LoginLimitPerIP      int           // LOGIN_LIMIT_PER_IP: attempts per window per IP
	LoginLimitPerAccount int           // LOGIN_LIMIT_PER_ACCOUNT: failed attempts per window per account from one IP
	RegisterLimitPerIP   int           // REGISTER_LIMIT_PER_IP: registrations per window per IP
	LoginLimitWindow     time.Duration // LOGIN_LIMIT_WINDOW
	ResetLimitPerAddress int           // RESET_LIMIT_PER_ADDRESS: reset mails to one address per hour
	InviteLimitPerOrg    int           // INVITE_LIMIT_PER_ORG: invitations an organisation sends per day
	MessageCoalesce      time.Duration // NOTIFY_COALESCE_WINDOW: one notification per contract thread per window

	SMTPHost string // SMTP_HOST: empty means mails are written to the log (development)
	SMTPPort int    // SMTP_PORT
	SMTPUser string // SMTP_USER
	SMTPPass string // SMTP_PASSWORD
	MailFrom string // MAIL_FROM

	MeiliURL            string // MEILI_URL: empty selects the embedded Postgres search engine
	MeiliAPIKey         string // MEILI_API_KEY
	StripeSecretKey     string // STRIPE_SECRET_KEY: empty selects the manual payment provider
	StripeWebhookSecret string // STRIPE_WEBHOOK_SECRET
	StripeAPIBase       string // STRIPE_API_BASE: e.g. stripe-mock in tests
	StripePublishable   string // STRIPE_PUBLISHABLE_KEY: the browser's Payment Element (pk_test_/pk_live_)
	CommissionBP        int    // COMMISSION_BP: platform commission in basis points
	FundingDays         int    // FUNDING_DAYS: a contract not funded in this many days lapses
	DisputeDays         int    // DISPUTE_DAYS: how long a workshop may dispute an inspection

	UploadDir   string // UPLOAD_DIR: where images are kept without S3
	S3Endpoint  string // S3_ENDPOINT: host:port of S3-compatible storage; set, images go there
	S3Bucket    string // S3_BUCKET
	S3AccessKey string // S3_ACCESS_KEY
	S3SecretKey string // S3_SECRET_KEY
	S3Region    string // S3_REGION
	S3UseSSL    bool   // S3_USE_SSL

	// Image decoding is bounded by memory, computed from each image's header.
	UploadMaxPixels      int           // UPLOAD_MAX_PIXELS: width × height of an uploaded image
	UploadImageMemoryMB  int           // UPLOAD_IMAGE_MEMORY_MB: most one image may take to decode and re-encode
	UploadDecodeMemoryMB int           // UPLOAD_DECODE_MEMORY_MB: most all decodes in flight may take together
	UploadDecodeWait     time.Duration // UPLOAD_DECODE_WAIT: longest wait for that memory before answering 503

	// The platform's receiving bank account, shown to payers who pay by bank
	// transfer (the manual provider).
	BankName        string // PLATFORM_BANK_NAME
	BankAccountName string // PLATFORM_BANK_ACCOUNT_NAME
	BankAccount     string // PLATFORM_BANK_ACCOUNT

	MapTileURL         string // MAP_TILE_URL: map tiles for the location picker, {z}/{x}/{y} (the CSP allows its host's images)
	MapTileAttribution string // MAP_TILE_ATTRIBUTION: the credit the tile provider requires
}

// DefaultMapTileURL is OpenStreetMap's public tile server: fine for light use;
// a busy deployment should point MAP_TILE_URL at its own or a commercial one.
const DefaultMapTileURL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

// MapTileOrigin is the scheme and host the tiles come from, for the CSP.
func (c Config) MapTileOrigin() string {
	u, err := url.Parse(strings.NewReplacer("{s}", "a", "{z}", "0", "{x}", "0", "{y}", "0").Replace(c.MapTileURL))
	if err != nil || u.Host == "" {
		return ""
	}
	if strings.Contains(c.MapTileURL, "{s}.") {
		return u.Scheme + "://*." + strings.SplitN(u.Host, ".", 2)[1] // a, b, c subdomains
	}
	return u.Scheme + "://" + u.Host
}

// StripeTestMode reports whether Stripe runs with a test key (staff may
// then simulate payments through the real webhook path).
func (c Config) StripeTestMode() bool { return strings.HasPrefix(c.StripeSecretKey, "sk_test_") }

// FromEnv reads the process environment.
func FromEnv() (Config, error) { return Load(os.LookupEnv) }

// Load reads configuration through lookup (os.LookupEnv in production, a map in tests).
func Load(lookup func(string) (string, bool)) (Config, error) {
	r := reader{lookup: lookup}
	c := Config{
		DatabaseURL:     r.str("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/doorstep?sslmode=disable"),
		Addr:            r.str("ADDR", ":8080"),
		AppBaseURL:      strings.TrimRight(r.str("APP_BASE_URL", "http://localhost:8080"), "/"),
		AllowedOrigins:  r.list("ALLOWED_ORIGINS"),
		FrontendDir:     r.str("FRONTEND_DIR", "frontend/dist"),
		AutoMigrate:     r.boolean("AUTO_MIGRATE", true),
		LogLevel:        r.level("LOG_LEVEL", slog.LevelInfo),
		LogFormat:       r.str("LOG_FORMAT", "json"),
		SessionTTL:      r.duration("SESSION_TTL", 30*24*time.Hour),
		CookieSecure:    r.boolean("COOKIE_SECURE", false),
		BodyLimitBytes:  r.integer("BODY_LIMIT_BYTES", 1<<20),
		MaxConnections:  r.integer("MAX_CONNECTIONS", 4096),
		ReadTimeout:     r.duration("READ_TIMEOUT", 10*time.Second),
		WriteTimeout:    r.duration("WRITE_TIMEOUT", 30*time.Second),
		IdleTimeout:     r.duration("IDLE_TIMEOUT", 60*time.Second),
		ShutdownTimeout: r.duration("SHUTDOWN_TIMEOUT", 20*time.Second),
		TrustProxy:      r.boolean("TRUST_PROXY", false),
		DebugAddr:       r.str("DEBUG_ADDR", ""),

		DBStatementTimeout: r.duration("DB_STATEMENT_TIMEOUT", 10*time.Second),
		DBLockTimeout:      r.duration("DB_LOCK_TIMEOUT", 3*time.Second),
		DBAcquireTimeout:   r.duration("DB_ACQUIRE_TIMEOUT", 5*time.Second),
		RiverPoolSize:      r.integer("RIVER_POOL_SIZE", 10),

		LoginLimitPerIP:      r.integer("LOGIN_LIMIT_PER_IP", 30),
		LoginLimitPerAccount: r.integer("LOGIN_LIMIT_PER_ACCOUNT", 5),
		LoginLimitWindow:     r.duration("LOGIN_LIMIT_WINDOW", 15*time.Minute),
		RegisterLimitPerIP:   r.integer("REGISTER_LIMIT_PER_IP", 10),
		ResetLimitPerAddress: r.integer("RESET_LIMIT_PER_ADDRESS", 3),
		InviteLimitPerOrg:    r.integer("INVITE_LIMIT_PER_ORG", 20),
		MessageCoalesce:      r.duration("NOTIFY_COALESCE_WINDOW", 10*time.Minute),

		SMTPHost: r.str("SMTP_HOST", ""),
		SMTPPort: r.integer("SMTP_PORT", 587),
		SMTPUser: r.str("SMTP_USER", ""),
		SMTPPass: r.str("SMTP_PASSWORD", ""),
		MailFrom: r.str("MAIL_FROM", "家门口 Doorstep <no-reply@doorstep.local>"),

		MeiliURL:            r.str("MEILI_URL", ""),
		MeiliAPIKey:         r.str("MEILI_API_KEY", ""),
		StripeSecretKey:     r.str("STRIPE_SECRET_KEY", ""),
		StripeWebhookSecret: r.str("STRIPE_WEBHOOK_SECRET", ""),
		StripeAPIBase:       r.str("STRIPE_API_BASE", ""),
		StripePublishable:   r.str("STRIPE_PUBLISHABLE_KEY", ""),
		CommissionBP:        r.integer("COMMISSION_BP", 300),
		FundingDays:         r.integer("FUNDING_DAYS", 7),
		DisputeDays:         r.integer("DISPUTE_DAYS", 7),

		UploadDir:   r.str("UPLOAD_DIR", "data/uploads"),
		S3Endpoint:  r.str("S3_ENDPOINT", ""),
		S3Bucket:    r.str("S3_BUCKET", "doorstep"),
		S3AccessKey: r.str("S3_ACCESS_KEY", ""),
		S3SecretKey: r.str("S3_SECRET_KEY", ""),
		S3Region:    r.str("S3_REGION", "us-east-1"),
		S3UseSSL:    r.boolean("S3_USE_SSL", true),

		UploadMaxPixels:      r.integer("UPLOAD_MAX_PIXELS", 40_000_000),
		UploadImageMemoryMB:  r.integer("UPLOAD_IMAGE_MEMORY_MB", 256),
		UploadDecodeMemoryMB: r.integer("UPLOAD_DECODE_MEMORY_MB", 512),
		UploadDecodeWait:     r.duration("UPLOAD_DECODE_WAIT", 5*time.Second),

		BankName:           r.str("PLATFORM_BANK_NAME", "中国工商银行滨州分行营业部（演示）"),
		BankAccountName:    r.str("PLATFORM_BANK_ACCOUNT_NAME", "家门口社区就业服务平台（演示）"),
		BankAccount:        r.str("PLATFORM_BANK_ACCOUNT", "1613 0000 0000 0000 000"),
		MapTileURL:         r.str("MAP_TILE_URL", DefaultMapTileURL),
		MapTileAttribution: r.str("MAP_TILE_ATTRIBUTION", "© OpenStreetMap contributors"),
	}
	if err := errors.Join(r.errs...); err != nil {
		return c, err
	}
	return c, c.Validate()
}

// Validate checks values that parse but make no sense.
func (c Config) Validate() error {
	var errs []error
	bad := func(name, why string) { errs = append(errs, fmt.Errorf("%s: %s", name, why)) }
	if u, err := url.Parse(c.DatabaseURL); err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		bad("DATABASE_URL", "must be a postgres:// URL")
	}
	if !strings.Contains(c.Addr, ":") {
		bad("ADDR", "must be host:port or :port")
	}
	if c.DebugAddr != "" {
		host, _, err := net.SplitHostPort(c.DebugAddr)
		if ip := net.ParseIP(host); err != nil || (host != "localhost" && (ip == nil || !ip.IsLoopback())) {
			bad("DEBUG_ADDR", "must be a loopback host:port such as 127.0.0.1:6060 (profiles are never served to the network)")
		}
	}
	if u, err := url.Parse(c.AppBaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		bad("APP_BASE_URL", "must be an absolute http(s) URL")
	}
	for _, o := range c.AllowedOrigins {
		if u, err := url.Parse(o); err != nil || u.Host == "" {
			bad("ALLOWED_ORIGINS", fmt.Sprintf("%q is not an origin like http://localhost:5173", o))
		}
	}
	if c.LogFormat != "json" && c.LogFormat != "text" {
		bad("LOG_FORMAT", "must be json or text")
	}
	if c.SessionTTL < time.Minute {
		bad("SESSION_TTL", "must be at least 1m")
	}
	if c.MaxConnections < 16 {
		bad("MAX_CONNECTIONS", "must be at least 16")
	}
	if c.BodyLimitBytes < 1024 {
		bad("BODY_LIMIT_BYTES", "must be at least 1024")
	}
	if c.DBStatementTimeout < 100*time.Millisecond || c.DBLockTimeout < 100*time.Millisecond || c.DBAcquireTimeout < 100*time.Millisecond {
		bad("DB_*_TIMEOUT", "timeouts must be at least 100ms")
	}
	if c.RiverPoolSize < 4 {
		bad("RIVER_POOL_SIZE", "must be at least 4")
	}
	if c.LoginLimitPerIP < 1 || c.LoginLimitPerAccount < 1 || c.RegisterLimitPerIP < 1 || c.LoginLimitWindow < time.Second {
		bad("LOGIN_LIMIT_*", "limits must be positive")
	}
	if c.ResetLimitPerAddress < 1 || c.InviteLimitPerOrg < 1 {
		bad("RESET_LIMIT_PER_ADDRESS, INVITE_LIMIT_PER_ORG", "limits must be positive")
	}
	if c.MessageCoalesce < 0 {
		bad("NOTIFY_COALESCE_WINDOW", "must not be negative (0 sends one notification per message)")
	}
	if c.MeiliURL != "" {
		if u, err := url.Parse(c.MeiliURL); err != nil || u.Host == "" {
			bad("MEILI_URL", "must be an absolute URL")
		}
	}
	if c.StripeSecretKey != "" && c.StripeWebhookSecret == "" {
		bad("STRIPE_WEBHOOK_SECRET", "is required when STRIPE_SECRET_KEY is set")
	}
	if c.StripeSecretKey != "" && !strings.HasPrefix(c.StripeSecretKey, "sk_") && !strings.HasPrefix(c.StripeSecretKey, "rk_") {
		bad("STRIPE_SECRET_KEY", "must be a Stripe secret key (sk_test_…, sk_live_… or rk_…)")
	}
	if c.DisputeDays < 1 || c.DisputeDays > 60 {
		bad("DISPUTE_DAYS", "must be between 1 and 60")
	}
	if c.S3Endpoint != "" && (c.S3AccessKey == "" || c.S3SecretKey == "") {
		bad("S3_ACCESS_KEY", "S3_ACCESS_KEY and S3_SECRET_KEY are required with S3_ENDPOINT")
	}
	if c.UploadMaxPixels < 1_000_000 {
		bad("UPLOAD_MAX_PIXELS", "must be at least 1000000 (one megapixel)")
	}
	if c.UploadImageMemoryMB < 16 {
		bad("UPLOAD_IMAGE_MEMORY_MB", "must be at least 16")
	}
	if c.UploadDecodeMemoryMB < c.UploadImageMemoryMB {
		bad("UPLOAD_DECODE_MEMORY_MB", "must be at least UPLOAD_IMAGE_MEMORY_MB, or no image of the largest allowed size could be decoded")
	}
	if c.UploadDecodeWait < 0 || c.UploadDecodeWait > time.Minute {
		bad("UPLOAD_DECODE_WAIT", "must be between 0s and 1m")
	}
	if c.FundingDays < 1 || c.FundingDays > 60 {
		bad("FUNDING_DAYS", "must be between 1 and 60")
	}
	if !strings.Contains(c.MapTileURL, "{z}") || !strings.Contains(c.MapTileURL, "{x}") || !strings.Contains(c.MapTileURL, "{y}") ||
		c.MapTileOrigin() == "" || !(strings.HasPrefix(c.MapTileURL, "https://") || strings.HasPrefix(c.MapTileURL, "http://")) {
		bad("MAP_TILE_URL", "must be an http(s) URL with {z}, {x} and {y}, like "+DefaultMapTileURL)
	}
	if c.CommissionBP < 0 || c.CommissionBP > 5000 {
		bad("COMMISSION_BP", "must be between 0 and 5000 basis points")
	}
	return errors.Join(errs...)
}

// AllowedOrigin reports whether a browser Origin may make cookie-authenticated writes.
func (c Config) AllowedOrigin(origin string) bool {
	if origin == c.AppBaseURL {
		return true
	}
	for _, o := range c.AllowedOrigins {
		if strings.TrimRight(o, "/") == origin {
			return true
		}
	}
	return false
}

type reader struct {
	lookup func(string) (string, bool)
	errs   []error
}

func (r *reader) str(name, def string) string {
	if v, ok := r.lookup(name); ok && strings.TrimSpace(v) != "" {
		return strings.TrimSpace(v)
	}
	return def
}

func (r *reader) list(name string) []string {
	var out []string
	for _, p := range strings.Split(r.str(name, ""), ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (r *reader) integer(name string, def int) int {
	v := r.str(name, "")
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		r.errs = append(r.errs, fmt.Errorf("%s: %q is not a whole number", name, v))
	}
	return n
}

func (r *reader) boolean(name string, def bool) bool {
	v := r.str(name, "")
	if v == "" {
		return def
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		r.errs = append(r.errs, fmt.Errorf("%s: %q is not true or false", name, v))
	}
	return b
}

func (r *reader) duration(name string, def time.Duration) time.Duration {
	v := r.str(name, "")
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		r.errs = append(r.errs, fmt.Errorf("%s: %q is not a duration like 30s or 15m", name, v))
	}
	return d
}

func (r *reader) level(name string, def slog.Level) slog.Level {
	v := r.str(name, "")
	if v == "" {
		return def
	}
	var l slog.Level
	if err := l.UnmarshalText([]byte(v)); err != nil {
		r.errs = append(r.errs, fmt.Errorf("%s: %q is not debug, info, warn or error", name, v))
	}
	return l
}
