// Package stripetest runs stripe-mock, Stripe's own mock of its API (pinned
// as a tool in go.mod), for tests of the Stripe provider. Set
// STRIPE_MOCK_URL to use one that is already running.
package stripetest

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

const version = "v0.203.0" // keep in step with the tool line in go.mod

var (
	once   sync.Once
	url    string
	urlErr error
)

// URL is the base URL of a running stripe-mock (one per test process).
func URL(t testing.TB) string {
	t.Helper()
	if v := os.Getenv("STRIPE_MOCK_URL"); v != "" {
		return v
	}
	once.Do(func() { url, urlErr = start() })
	if urlErr != nil {
		t.Fatalf("stripe-mock: %v", urlErr)
	}
	return url
}

var listening = regexp.MustCompile(`Listening for HTTP at address: (\S+)`)

func start() (string, error) {
	bin, err := build()
	if err != nil {
		return "", err
	}
	cmd := exec.Command(bin, "-http-addr", "127.0.0.1:0", "-https-addr", "127.0.0.1:0")
	// The mock dies with the test process.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", err
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		return "", err
	}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := listening.FindStringSubmatch(sc.Text()); m != nil {
				found <- "http://" + m[1]
			}
		}
	}()
	select {
	case u := <-found:
		return u, nil
	case <-time.After(60 * time.Second):
		_ = cmd.Process.Kill()
		return "", fmt.Errorf("did not start within a minute")
	}
}

// build compiles the pinned stripe-mock once per machine (shared by the
// test processes of one run through a temporary directory).
func build() (string, error) {
	dir := filepath.Join(os.TempDir(), "doorstep-stripe-mock-"+version)
	bin := filepath.Join(dir, "stripe-mock")
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	tmp := fmt.Sprintf("%s.%d", bin, os.Getpid())
	cmd := exec.Command("go", "build", "-o", tmp, "github.com/stripe/stripe-mock")
	cmd.Dir = moduleRoot()
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build stripe-mock: %v\n%s", err, out)
	}
	return bin, os.Rename(tmp, bin) // atomic: a concurrent build wins or loses whole
}

func moduleRoot() string {
	dir, _ := os.Getwd()
	for d := dir; d != "/" && d != "."; d = filepath.Dir(d) {
		if b, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil && strings.HasPrefix(string(b), "module doorstep") {
			return d
		}
	}
	return dir
}
