package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// Client calls the API as one signed-in user.
type Client struct {
	base, token, OrgID, Who string
	hc                      *http.Client
}

// Resp is an API answer; Status 0 is a transport error (Err says which).
type Resp struct {
	Status int
	Body   map[string]any
	Raw    string
	Err    error
}

func (r Resp) Str(k string) string { s, _ := r.Body[k].(string); return s }
func (r Resp) OK() bool            { return r.Status >= 200 && r.Status < 300 }
func (r Resp) String() string {
	if r.Err != nil {
		return "transport error: " + r.Err.Error()
	}
	raw := r.Raw
	if len(raw) > 300 {
		raw = raw[:300] + "…"
	}
	return fmt.Sprintf("%d %s", r.Status, raw)
}

func newHTTPClient() *http.Client {
	return &http.Client{Timeout: 20 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
}

// Do sends one request; body is JSON-encoded unless it is []byte.
func (c *Client) Do(ctx context.Context, method, path string, body any, header ...string) Resp {
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		rd = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			return Resp{Err: err}
		}
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return Resp{Err: err}
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := c.hc.Do(req)
	if err != nil {
		return Resp{Err: err}
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	out := Resp{Status: res.StatusCode, Raw: string(raw), Err: err}
	if strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
		_ = json.Unmarshal(raw, &out.Body)
	}
	return out
}

// Must is Do that fails unless the status is want.
func (c *Client) Must(ctx context.Context, want int, method, path string, body any) (Resp, error) {
	r := c.Do(ctx, method, path, body)
	if r.Status != want {
		return r, fmt.Errorf("%s %s %s as %s: want %d, got %s", method, path, short(body), c.Who, want, r)
	}
	return r, nil
}

func short(body any) string {
	if body == nil {
		return ""
	}
	j, _ := json.Marshal(body)
	if len(j) > 120 {
		j = append(j[:120], "…"...)
	}
	return string(j)
}

const demoPassword = "doorstep-demo-2026"

// Login signs in a demo user (retrying while the server is unavailable).
func Login(ctx context.Context, base, email string) (*Client, error) {
	c := &Client{base: base, hc: newHTTPClient(), Who: email}
	var r Resp
	for try := 0; try < 20; try++ {
		r = c.Do(ctx, "POST", "/api/v1/auth/login", map[string]any{"email": email, "password": demoPassword})
		if r.Status == 200 {
			c.token = r.Str("token")
			if org, ok := r.Body["org"].(map[string]any); ok {
				c.OrgID, _ = org["id"].(string)
			}
			return c, nil
		}
		if r.Status != 0 && r.Status != 503 {
			break
		}
		time.Sleep(500 * time.Millisecond)
	}
	return nil, fmt.Errorf("login %s: %s", email, r)
}

// Anon is a client with no session.
func Anon(base string) *Client { return &Client{base: base, hc: newHTTPClient(), Who: "anonymous"} }

// Cast is the demo's people, signed in.
type Cast struct {
	Company, Workshop, Moderator, Finance, Admin *Client
	Anon                                         *Client
}

func SignIn(ctx context.Context, base string) (*Cast, error) {
	var c Cast
	var err error
	for _, x := range []struct {
		to    **Client
		email string
	}{{&c.Company, "xinyuan@demo.doorstep.cn"}, {&c.Workshop, "bilin@demo.doorstep.cn"}, {&c.Moderator, "moderator@demo.doorstep.cn"},
		{&c.Finance, "finance@demo.doorstep.cn"}, {&c.Admin, "admin@demo.doorstep.cn"}} {
		if *x.to, err = Login(ctx, base, x.email); err != nil {
			return nil, err
		}
	}
	c.Anon = Anon(base)
	return &c, nil
}
