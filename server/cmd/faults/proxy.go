package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"
)

// FaultProxy stands between the server and stripe-mock. For the calls that
// move money (POST /v1/payment_intents, /v1/transfers, /v1/refunds) it
// fails attempts by a schedule per idempotency key:
//
//   - attempt 1: 500 without reaching the provider (nothing happened);
//   - attempt 2: reaches the provider, then the connection is dropped before
//     the answer (the provider acted; the caller cannot know: a timeout);
//   - with Hang, a key's attempt 2 is held past the client's 30 s timeout
//     instead;
//   - later attempts go through.
//
// stripe-mock does not implement idempotency (each request makes a new
// object), so the proxy plays Stripe's part: the first answer the provider
// gave for a key is replayed for every later request with that key, and a
// request that reuses a key with other parameters gets Stripe's 400
// idempotency_error. Every request is logged with its key.
type FaultProxy struct {
	URL     string
	Hang    bool // hold one attempt past the client timeout (long runs)
	mu      sync.Mutex
	target  *url.URL
	log     []ProxyEntry
	attempt map[string]int
	first   map[string]saved // key → the provider's first answer
	srv     *httptest.Server
	hung    bool
}

type saved struct {
	params string
	status int
	body   []byte
}

// ProxyEntry is one request the proxy saw.
type ProxyEntry struct {
	At       time.Time
	Path     string
	Key      string
	Attempt  int
	Action   string // fail500, drop, hang, forward, replay, mismatch
	ObjectID string // the object the provider made (forward) or replayed
	Params   string // a hash of the decoded form parameters
}

var moneyPaths = map[string]bool{"/v1/payment_intents": true, "/v1/transfers": true, "/v1/refunds": true}

func NewFaultProxy(target string) (*FaultProxy, error) {
	u, err := url.Parse(target)
	if err != nil {
		return nil, err
	}
	p := &FaultProxy{target: u, attempt: map[string]int{}, first: map[string]saved{}}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p.srv = &httptest.Server{Listener: l, Config: &http.Server{Handler: p}}
	p.srv.Start()
	p.URL = p.srv.URL
	return p, nil
}

func (p *FaultProxy) Close() { p.srv.CloseClientConnections(); p.srv.Close() }

// paramsHash is the request's parameters, decoded and sorted, hashed: the
// same parameters in another order are the same request.
func paramsHash(body []byte) string {
	v, _ := url.ParseQuery(string(body))
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	h := sha256.New()
	for _, k := range keys {
		fmt.Fprintf(h, "%s=%s\n", k, strings.Join(v[k], ","))
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

func (p *FaultProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	key := r.Header.Get("Idempotency-Key")
	if r.Method != http.MethodPost || !moneyPaths[r.URL.Path] || key == "" {
		p.forward(w, r, body)
		return
	}
	params := paramsHash(body)
	p.mu.Lock()
	p.attempt[key]++
	n := p.attempt[key]
	prev, seen := p.first[key]
	hang := p.Hang && !p.hung && n == 2
	if hang {
		p.hung = true
	}
	p.mu.Unlock()
	entry := ProxyEntry{At: time.Now(), Path: r.URL.Path, Key: key, Attempt: n, Params: params}
	switch {
	case seen && prev.params != params:
		entry.Action = "mismatch"
		p.record(entry)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(400)
		_, _ = w.Write([]byte(`{"error":{"type":"idempotency_error","message":"Keys for idempotent requests can only be used with the same parameters they were first used with."}}`))
	case seen:
		entry.Action, entry.ObjectID = "replay", objectID(prev.body)
		p.record(entry)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Idempotent-Replayed", "true")
		w.WriteHeader(prev.status)
		_, _ = w.Write(prev.body)
	case n == 1:
		entry.Action = "fail500"
		p.record(entry)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(500)
		_, _ = w.Write([]byte(`{"error":{"type":"api_error","message":"injected fault"}}`))
	case n == 2:
		status, out := p.call(r, body)
		if status/100 == 2 {
			p.mu.Lock()
			p.first[key] = saved{params: params, status: status, body: out}
			p.mu.Unlock()
		}
		entry.Action, entry.ObjectID = "drop", objectID(out)
		if hang {
			entry.Action = "hang"
		}
		p.record(entry)
		if hang {
			select { // longer than the provider client's 30 s timeout
			case <-r.Context().Done():
			case <-time.After(35 * time.Second):
			}
		}
		if hj, ok := w.(http.Hijacker); ok {
			if c, _, err := hj.Hijack(); err == nil {
				_ = c.Close()
				return
			}
		}
		panic(http.ErrAbortHandler)
	default:
		status, out := p.call(r, body)
		if status/100 == 2 {
			p.mu.Lock()
			p.first[key] = saved{params: params, status: status, body: out}
			p.mu.Unlock()
		}
		entry.Action, entry.ObjectID = "forward", objectID(out)
		p.record(entry)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write(out)
	}
}

func (p *FaultProxy) record(e ProxyEntry) {
	p.mu.Lock()
	p.log = append(p.log, e)
	p.mu.Unlock()
}

// Log is every money request seen so far.
func (p *FaultProxy) Log() []ProxyEntry {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]ProxyEntry(nil), p.log...)
}

func objectID(body []byte) string {
	var o struct {
		ID string `json:"id"`
	}
	_ = json.Unmarshal(body, &o)
	return o.ID
}

func (p *FaultProxy) call(r *http.Request, body []byte) (int, []byte) {
	req, err := http.NewRequestWithContext(r.Context(), r.Method, p.target.String()+r.URL.RequestURI(), bytes.NewReader(body))
	if err != nil {
		return 502, nil
	}
	req.Header = r.Header.Clone()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 502, []byte(`{"error":{"type":"api_error","message":"proxy: provider unreachable"}}`)
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	return res.StatusCode, out
}

func (p *FaultProxy) forward(w http.ResponseWriter, r *http.Request, body []byte) {
	status, out := p.call(r, body)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(out)
}
