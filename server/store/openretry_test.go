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
// listens (docker compose); it retries until the database answers. The
// database "comes up" (a proxy to the real server opens on the port) only
// once the first retry is logged, so the test waits for events, not time.
func TestOpenRetryWaitsForTheDatabase(t *testing.T) {
	target, err := url.Parse(storetest.ServerURL())
	if err != nil {
		t.Fatal(err)
	}
	// A port that refuses connections until the proxy opens on it.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	logs := &syncBuffer{want: "retrying", seen: make(chan struct{})}
	go func() {
		select {
		case <-logs.seen:
			proxy(t, addr, target.Host)
		case <-t.Context().Done():
		}
	}()
	u := *target
	u.Host, u.Path = addr, "/postgres"
	st, err := store.OpenPoolRetry(t.Context(), u.String(), store.PoolOptions{}, time.Minute, slog.New(slog.NewTextHandler(logs, nil)))
	if err != nil {
		t.Fatalf("OpenPoolRetry: %v\n%s", err, logs.String())
	}
	st.Close()
}

// TestOpenRetryIsBounded: with nothing listening it retries, then gives up
// by itself once the wait is over (the test's context, far longer, has not
// ended); a wrong login fails at once, without a single retry.
func TestOpenRetryIsBounded(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	var logs syncBuffer
	_, err = store.OpenPoolRetry(ctx, "postgres://postgres@"+addr+"/postgres?sslmode=disable&connect_timeout=1", store.PoolOptions{},
		1500*time.Millisecond, slog.New(slog.NewTextHandler(&logs, nil)))
	if err == nil || ctx.Err() != nil || !strings.Contains(logs.String(), "retrying") {
		t.Fatalf("want retries, then a failure before the context's end; got %v (context: %v)\n%s", err, ctx.Err(), logs.String())
	}
	var loginLogs syncBuffer
	_, err = store.OpenPoolRetry(ctx, "postgres://no_such_role_x@"+hostOf(t)+"/postgres?sslmode=disable", store.PoolOptions{},
		time.Hour, slog.New(slog.NewTextHandler(&loginLogs, nil)))
	if err == nil || ctx.Err() != nil || loginLogs.String() != "" {
		t.Fatalf("a refused login must fail at once, got %v (context: %v)\n%s", err, ctx.Err(), loginLogs.String())
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

// syncBuffer is a log destination safe for concurrent writes; when want is
// set, seen is closed on the first write containing it.
type syncBuffer struct {
	mu    sync.Mutex
	b     bytes.Buffer
	want  string
	seen  chan struct{}
	fired bool
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.want != "" && !s.fired && strings.Contains(string(p), s.want) {
		s.fired = true
		close(s.seen)
	}
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
