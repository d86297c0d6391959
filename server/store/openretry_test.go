package store_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"doorstep/server/store"
	"doorstep/server/store/storetest"
)

// TestOpenRetryWaitsForTheDatabase: the server starts before Postgres
// listens (docker compose); it retries until the database answers.
func TestOpenRetryWaitsForTheDatabase(t *testing.T) {
	target, err := url.Parse(storetest.ServerURL())
	if err != nil {
		t.Fatal(err)
	}
	// A port that refuses connections until a proxy to the real server opens on it.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	go func() {
		time.Sleep(1200 * time.Millisecond)
		proxy(t, addr, target.Host)
	}()
	u := *target
	u.Host, u.Path = addr, "/postgres"
	var logs syncBuffer
	start := time.Now()
	st, err := store.OpenPoolRetry(context.Background(), u.String(), store.PoolOptions{}, 30*time.Second, slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatalf("OpenPoolRetry: %v\n%s", err, logs.String())
	}
	defer st.Close()
	if time.Since(start) < time.Second || !strings.Contains(logs.String(), "retrying") {
		t.Fatalf("expected logged retries before the database came up:\n%s", logs.String())
	}
}

// TestOpenRetryIsBounded: with nothing listening it gives up after the wait,
// and a wrong password fails at once.
func TestOpenRetryIsBounded(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	start := time.Now()
	_, err = store.OpenPoolRetry(context.Background(), "postgres://postgres@"+addr+"/postgres?sslmode=disable&connect_timeout=1", store.PoolOptions{}, 1500*time.Millisecond, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err == nil || time.Since(start) > 6*time.Second {
		t.Fatalf("want a failure within the bound, got %v after %s", err, time.Since(start))
	}
	start = time.Now()
	_, err = store.OpenPoolRetry(context.Background(), "postgres://no_such_role_x@"+hostOf(t)+"/postgres?sslmode=disable", store.PoolOptions{}, time.Minute, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err == nil || time.Since(start) > 5*time.Second {
		t.Fatalf("a refused login must fail at once, got %v after %s", err, time.Since(start))
	}
}

func hostOf(t *testing.T) string {
	u, err := url.Parse(storetest.ServerURL())
	if err != nil {
		t.Fatal(err)
	}
	return u.Host
}

// proxy forwards addr to target until the test ends.
func proxy(t *testing.T, addr, target string) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Error(err)
		return
	}
	t.Cleanup(func() { ln.Close() })
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go func() {
			s, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				return
			}
			go func() { _, _ = io.Copy(s, c); s.Close() }()
			_, _ = io.Copy(c, s)
			c.Close()
		}()
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
