package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"

	"doorstep/search/pgsearch"
	"doorstep/server/api"
	"doorstep/server/auth"
	"doorstep/server/config"
	"doorstep/server/mail"
	"doorstep/server/market"
	"doorstep/server/seed"
	"doorstep/server/store"
	"doorstep/server/store/storetest"
	"doorstep/server/workflows"
	"doorstep/server/workflows/workflowstest"
)

// env is one test's server on its own database.
type env struct {
	t    testing.TB
	app  *fiber.App
	st   *store.Store
	pool *pgxpool.Pool
	mail *captureMailer
	cfg  config.Config
}

// captureMailer keeps mails so tests can follow their links. The production
// SMTP mailer is tested against a real SMTP server in mail_test.go.
type captureMailer struct {
	mu   sync.Mutex
	sent []mail.Message
}

func (m *captureMailer) Send(_ context.Context, msg mail.Message) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sent = append(m.sent, msg)
	return nil
}

func (m *captureMailer) last(t testing.TB) mail.Message {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.sent) == 0 {
		t.Fatal("no mail sent")
	}
	return m.sent[len(m.sent)-1]
}

// tokenFrom pulls the ?token= value out of a mailed link.
func tokenFrom(t testing.TB, body string) string {
	i := strings.Index(body, "token=")
	if i < 0 {
		t.Fatalf("no token in mail: %s", body)
	}
	tok := body[i+len("token="):]
	if j := strings.IndexAny(tok, " \n"); j >= 0 {
		tok = tok[:j]
	}
	return tok
}

func newEnv(t testing.TB, tweak ...func(*config.Config)) *env {
	t.Helper()
	st, pool := storetest.NewWithPool(t)
	return newEnvOn(t, st, pool, tweak...)
}

// newEnvOn is newEnv on a store and pool the test made itself.
func newEnvOn(t testing.TB, st *store.Store, pool *pgxpool.Pool, tweak ...func(*config.Config)) *env {
	t.Helper()
	cfg, err := config.Load(func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	cfg.AppBaseURL = "http://doorstep.test"
	cfg.FrontendDir = t.TempDir()
	cfg.UploadDir = t.TempDir()
	cfg.RegisterLimitPerIP = 1000 // every test request comes from one address
	for _, f := range tweak {
		f(&cfg)
	}
	e := &env{t: t, st: st, pool: pool, mail: &captureMailer{}, cfg: cfg}
	fast := auth.Params{MemoryKiB: 1024, Time: 1, Threads: 1} // tests need not resist brute force
	log := slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	e.app = api.New(api.Options{Config: cfg, Store: e.st, Pool: pool, Mailer: e.mail, Hash: &fast, Logger: log, Engine: pgsearch.New(pool)})
	return e
}

// resp is a decoded response.
type resp struct {
	status int
	header http.Header
	body   map[string]any
	raw    string
	wire   []byte // the body as sent, before any Content-Encoding was undone
}

// field reads a dotted path such as "error.fields.email" or "org.id".
func (r resp) field(path string) any {
	var cur any = r.body
	for _, k := range strings.Split(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[k]
	}
	return cur
}

func (r resp) str(path string) string { s, _ := r.field(path).(string); return s }

// req describes one request; token is sent as Bearer unless cookie is set.
type req struct {
	method, path string
	body         any
	token        string
	cookie       bool
	origin       string
	header       map[string]string
}

func (e *env) do(r req) resp {
	e.t.Helper()
	var body io.Reader
	switch b := r.body.(type) {
	case nil:
	case string:
		body = strings.NewReader(b)
	case []byte:
		body = bytes.NewReader(b)
	default:
		buf, _ := json.Marshal(b)
		body = bytes.NewReader(buf)
	}
	hr := httptest.NewRequest(r.method, r.path, body)
	if body != nil {
		hr.Header.Set("Content-Type", "application/json")
	}
	if r.token != "" {
		if r.cookie {
			hr.AddCookie(&http.Cookie{Name: "doorstep_session", Value: r.token})
		} else {
			hr.Header.Set("Authorization", "Bearer "+r.token)
		}
	}
	if r.origin != "" {
		hr.Header.Set("Origin", r.origin)
	}
	for k, v := range r.header {
		hr.Header.Set(k, v)
	}
	res, err := e.app.Test(hr, -1)
	if err != nil {
		e.t.Fatal(err)
	}
	wire, _ := io.ReadAll(res.Body)
	raw := wire
	if strings.HasPrefix(r.path, "/api/") { // the web app's own files are precompressed fakes in tests
		raw = decode(e.t, res.Header.Get("Content-Encoding"), wire)
	}
	e.checkContract(hr, res.StatusCode, res.Header, raw)
	out := resp{status: res.StatusCode, header: res.Header, raw: string(raw), wire: wire}
	_ = json.Unmarshal(raw, &out.body)
	return out
}

func (e *env) mustStatus(r req, want int) resp {
	e.t.Helper()
	got := e.do(r)
	if got.status != want {
		e.t.Fatalf("%s %s: status %d, want %d: %s", r.method, r.path, got.status, want, got.raw)
	}
	return got
}

// Valid registration bodies. Credit codes are made with the real check digit.
func companyBody(email, code string) map[string]any {
	return map[string]any{"email": email, "password": "correct-horse-1", "name": "赵丽", "phone": "13905431234",
		"org": map[string]any{"kind": "company", "name": "滨州鑫源工艺品有限公司", "credit_code": code,
			"region_code": "371602", "address": "山东省滨州市滨城区黄河五路318号", "contact_name": "赵丽", "contact_phone": "0543-3261188"}}
}

func workshopBody(email string) map[string]any {
	return map[string]any{"email": email, "password": "correct-horse-1", "name": "王军", "phone": "13954321678",
		"org": map[string]any{"kind": "workshop", "name": "碧林花园社区微工厂", "host": "碧林花园社区党总支",
			"region_code": "371602", "address": "市西街道碧林花园小区", "lat": 37.38, "lng": 117.96,
			"crafts": []string{"weaving"}, "headcount": 36, "weekly_capacity": 3500}}
}

var codeSeq atomic.Int64 // tests run in parallel

func nextCreditCode() string {
	n := codeSeq.Add(1)
	s := "91371602MA3CBL" + string(rune('0'+n/100%10)) + string(rune('0'+n/10%10)) + string(rune('0'+n%10))
	return market.MakeCreditCode(s)
}

// account is a registered user with their token and organisation id.
type account struct{ token, orgID, userID, email string }

func (e *env) registerCompany(email string) account {
	e.t.Helper()
	r := e.mustStatus(req{method: "POST", path: "/api/v1/auth/register", body: companyBody(email, nextCreditCode())}, 201)
	return account{token: r.str("token"), orgID: r.str("org.id"), userID: r.str("user.id"), email: email}
}

func (e *env) registerWorkshop(email string) account {
	e.t.Helper()
	r := e.mustStatus(req{method: "POST", path: "/api/v1/auth/register", body: workshopBody(email)}, 201)
	return account{token: r.str("token"), orgID: r.str("org.id"), userID: r.str("user.id"), email: email}
}

func (e *env) staff(email, role string) account {
	e.t.Helper()
	if _, err := seed.Staff(context.Background(), e.st, email, "staff-password-1", role, "员工"); err != nil {
		e.t.Fatal(err)
	}
	r := e.mustStatus(req{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": email, "password": "staff-password-1"}}, 200)
	return account{token: r.str("token"), email: email}
}

// expireSessions moves every session of a user into the past.
func (e *env) expireSessions(userID string) {
	_, err := e.pool.Exec(context.Background(), "UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $1", userID)
	if err != nil {
		e.t.Fatal(err)
	}
}

// expireDue runs the expiry job's workflow once.
func (e *env) expireDue() (int, error) {
	return e.flows().Orders.ExpireDue(context.Background())
}

// lapseDue runs the lapse job's workflow once.
func (e *env) lapseDue() (int, error) {
	return e.flows().Contracts.LapseDue(context.Background())
}

// flows are the workflows on the test's database and configuration, as
// the workers would run them.
func (e *env) flows() *workflows.Set {
	return workflowstest.New(e.t, e.st, func(d *workflows.Deps) { d.Config = e.cfg })
}

// testWriter sends server logs to the test log, shown only on failure.
type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

func org(b map[string]any) map[string]any { return b["org"].(map[string]any) }

func clone(b map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range b {
		if m, ok := v.(map[string]any); ok {
			v = clone(m)
		}
		out[k] = v
	}
	return out
}

func testLogger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

func uuidOf(t testing.TB, s string) uuid.UUID {
	id, err := uuid.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
