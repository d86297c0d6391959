package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Env is one fault run's world: a throwaway Postgres cluster, stripe-mock
// and the doorstep binary, all on loopback.
type Env struct {
	Dir, Bin, PGBin, PGData, PGVersion string
	PGPort                             int
	StripeURL                          string
	asPostgres                         []string // runuser prefix when we are root
	stripe                             *exec.Cmd
	mu                                 sync.Mutex
	servers                            []*Server
	dbs                                int
}

// freePort asks the kernel for a free loopback port.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func root() string {
	dir, _ := os.Getwd()
	for d := dir; d != "/" && d != "."; d = filepath.Dir(d) {
		if b, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil && strings.HasPrefix(string(b), "module doorstep") {
			return d
		}
	}
	return dir
}

func run(ctx context.Context, dir string, env []string, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir, cmd.Env = dir, append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

// NewEnv builds the server and stripe-mock and starts the cluster.
func NewEnv(ctx context.Context) (*Env, error) {
	dir, err := os.MkdirTemp("", "doorstep-faults-")
	if err != nil {
		return nil, err
	}
	e := &Env{Dir: dir, Bin: filepath.Join(dir, "doorstep")}
	if err := os.Chmod(dir, 0o755); err != nil {
		return nil, err
	}
	var wg sync.WaitGroup
	var buildErr, mockErr error
	wg.Add(2)
	go func() { defer wg.Done(); buildErr = run(ctx, root(), nil, "go", "build", "-o", e.Bin, "./server") }()
	go func() { defer wg.Done(); mockErr = e.startStripeMock(ctx) }()
	if err := e.startPostgres(ctx); err != nil {
		wg.Wait()
		return e, err
	}
	wg.Wait()
	return e, errors.Join(buildErr, mockErr)
}

// startPostgres: initdb in the temp dir, a free port, loopback only, the
// socket in the data dir (never the machine's cluster on 5432).
func (e *Env) startPostgres(ctx context.Context) error {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) < version(dirs[j]) })
	if len(dirs) > 0 {
		e.PGBin = dirs[len(dirs)-1]
	} else if p, err := exec.LookPath("initdb"); err == nil {
		e.PGBin = filepath.Dir(p)
	} else {
		return errors.New("no PostgreSQL server binaries (apt-get install postgresql)")
	}
	e.PGVersion = filepath.Base(filepath.Dir(e.PGBin))
	e.PGData = filepath.Join(e.Dir, "pg")
	if u, _ := user.Current(); u != nil && u.Uid == "0" {
		e.asPostgres = []string{"runuser", "-u", "postgres", "--"}
		if err := os.MkdirAll(e.PGData, 0o700); err != nil {
			return err
		}
		if err := run(ctx, "/", nil, "chown", "postgres", e.PGData); err != nil {
			return err
		}
	}
	port, err := freePort()
	if err != nil {
		return err
	}
	e.PGPort = port
	if err := e.pg(ctx, "initdb", "-D", e.PGData, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"); err != nil {
		return err
	}
	return e.PGStart(ctx)
}

func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

func (e *Env) pg(ctx context.Context, tool string, args ...string) error {
	argv := append(append([]string{}, e.asPostgres...), append([]string{filepath.Join(e.PGBin, tool)}, args...)...)
	return run(ctx, "/", nil, argv[0], argv[1:]...)
}

// PGStart starts (or starts again) the cluster.
func (e *Env) PGStart(ctx context.Context) error {
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on", e.PGPort, e.PGData)
	return e.pg(ctx, "pg_ctl", "-D", e.PGData, "-o", opts, "-l", filepath.Join(e.PGData, "server.log"), "-w", "start")
}

// PGStop stops the cluster: fast closes every connection at once,
// immediate is a crash (recovery at the next start).
func (e *Env) PGStop(ctx context.Context, mode string) error {
	return e.pg(ctx, "pg_ctl", "-D", e.PGData, "-m", mode, "-w", "stop")
}

// URL is a database of the throwaway cluster.
func (e *Env) URL(db string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", e.PGPort, db)
}

// NewDatabase migrates and seeds the demo data into a fresh database.
func (e *Env) NewDatabase(ctx context.Context, name string) (string, error) {
	e.mu.Lock()
	e.dbs++
	db := fmt.Sprintf("faults_%s_%d", name, e.dbs)
	e.mu.Unlock()
	env := []string{"DATABASE_URL=" + e.URL(db), "LOG_LEVEL=warn", "LOG_FORMAT=text"}
	if err := run(ctx, e.Dir, env, e.Bin, "migrate"); err != nil {
		return "", err
	}
	return db, run(ctx, e.Dir, env, e.Bin, "seed", "--demo")
}

// Pool opens a small pool on a database for checking invariants.
func (e *Env) Pool(ctx context.Context, db string) (*pgxpool.Pool, error) {
	return pgxpool.New(ctx, e.URL(db)+"&pool_max_conns=4")
}

var listening = regexp.MustCompile(`Listening for HTTP at address: (\S+)`)

// startStripeMock runs the stripe-mock pinned as a tool in go.mod (built
// once into the same place the Go tests' stripetest package uses).
func (e *Env) startStripeMock(ctx context.Context) error {
	bin := filepath.Join(os.TempDir(), "doorstep-stripe-mock-v0.203.0", "stripe-mock")
	if _, err := os.Stat(bin); err != nil {
		bin = filepath.Join(e.Dir, "stripe-mock")
		if err := run(ctx, root(), nil, "go", "build", "-o", bin, "github.com/stripe/stripe-mock"); err != nil {
			return err
		}
	}
	cmd := exec.Command(bin, "-http-addr", "127.0.0.1:0", "-https-addr", "127.0.0.1:0")
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		return err
	}
	e.stripe = cmd
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := listening.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case found <- "http://" + m[1]:
				default:
				}
			}
		}
	}()
	select {
	case e.StripeURL = <-found:
		return nil
	case <-time.After(60 * time.Second):
		return errors.New("stripe-mock did not start within a minute")
	}
}

// Close stops everything this run started.
func (e *Env) Close(keep bool) {
	e.mu.Lock()
	servers := append([]*Server(nil), e.servers...)
	e.mu.Unlock()
	for _, s := range servers {
		s.Kill()
	}
	if e.stripe != nil && e.stripe.Process != nil {
		_ = e.stripe.Process.Kill()
		_ = e.stripe.Wait()
		e.stripe = nil
	}
	if e.PGData != "" {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		_ = e.PGStop(ctx, "fast")
		cancel()
	}
	if !keep {
		_ = os.RemoveAll(e.Dir)
	}
}

// Server is one doorstep process.
type Server struct {
	Base, DB, Log string
	cmd           *exec.Cmd
	done          chan error
	env           []string
	e             *Env
	n             int
}

// StartServer runs `doorstep serve` on a free loopback port and waits
// until /readyz answers 200. extra are KEY=VALUE settings.
func (e *Env) StartServer(ctx context.Context, db string, extra ...string) (*Server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	up := filepath.Join(e.Dir, "uploads-"+db)
	env := append([]string{"DATABASE_URL=" + e.URL(db), "ADDR=127.0.0.1:" + strconv.Itoa(port), "APP_BASE_URL=http://127.0.0.1:" + strconv.Itoa(port),
		"AUTO_MIGRATE=true", "LOG_LEVEL=info", "LOG_FORMAT=json", "FRONTEND_DIR=" + filepath.Join(e.Dir, "no-frontend"), "UPLOAD_DIR=" + up,
		"LOGIN_LIMIT_PER_IP=1000000", "LOGIN_LIMIT_PER_ACCOUNT=1000000", "REGISTER_LIMIT_PER_IP=1000000",
		"DB_ACQUIRE_TIMEOUT=2s", "SHUTDOWN_TIMEOUT=20s"}, extra...)
	s := &Server{Base: "http://127.0.0.1:" + strconv.Itoa(port), DB: db, env: env, e: e}
	return s, s.Start(ctx)
}

// Start (re)starts the process on the same port and database.
func (s *Server) Start(ctx context.Context) error {
	s.n++
	s.Log = filepath.Join(s.e.Dir, fmt.Sprintf("server-%s-%d.log", s.DB, s.n))
	f, err := os.Create(s.Log)
	if err != nil {
		return err
	}
	cmd := exec.Command(s.e.Bin, "serve")
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = s.e.Dir, append(os.Environ(), s.env...), f, f
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		f.Close()
		return err
	}
	s.cmd, s.done = cmd, make(chan error, 1)
	go func() { s.done <- cmd.Wait(); f.Close() }()
	s.e.mu.Lock()
	s.e.servers = append(s.e.servers, s)
	s.e.mu.Unlock()
	return s.WaitReady(ctx, 90*time.Second)
}

// WaitReady polls /readyz.
func (s *Server) WaitReady(ctx context.Context, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		select {
		case err := <-s.done:
			s.done <- err
			return fmt.Errorf("server exited before ready: %v (log %s)", err, s.Log)
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
		resp, err := http.Get(s.Base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
		}
	}
	return fmt.Errorf("not ready within %s (log %s)", limit, s.Log)
}

// Running reports whether the process is still alive.
func (s *Server) Running() bool {
	select {
	case err := <-s.done:
		s.done <- err
		return false
	default:
		return s.cmd != nil
	}
}

// Signal sends sig and, for SIGTERM/SIGKILL, waits up to limit for the exit.
func (s *Server) Signal(sig syscall.Signal, limit time.Duration) (exited bool, err error) {
	if s.cmd == nil || !s.Running() {
		return true, nil
	}
	_ = s.cmd.Process.Signal(sig)
	select {
	case err = <-s.done:
		s.done <- err
		return true, err
	case <-time.After(limit):
		return false, nil
	}
}

// Kill ends the process at once (cleanup).
func (s *Server) Kill() {
	if s.cmd != nil && s.Running() {
		_, _ = s.Signal(syscall.SIGKILL, 10*time.Second)
	}
}
