package api_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// TestAPIJSONCompressed: a large JSON answer comes back brotli or gzip
// encoded, as the client accepts, and decodes to the plain answer; small
// answers and clients that accept neither get it as it is.
func TestAPIJSONCompressed(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	const big = "/api/v1/openapi.json"
	plain := e.wire(big, "")
	if len(plain.body) < 4096 || plain.encoding != "" {
		t.Fatalf("plain %s: %d bytes, encoding %q", big, len(plain.body), plain.encoding)
	}
	cases := []struct{ accept, want string }{
		{"gzip, deflate, br", "br"},
		{"gzip", "gzip"},
		{"br;q=0, gzip", "gzip"},
		{"identity", ""},
		{"deflate", ""},
	}
	for _, c := range cases {
		got := e.wire(big, c.accept)
		if got.encoding != c.want {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", c.accept, got.encoding, c.want)
		}
		if !strings.Contains(got.vary, "Accept-Encoding") {
			t.Errorf("Accept-Encoding %q: Vary %q", c.accept, got.vary)
		}
		if body := decode(t, got.encoding, got.body); !bytes.Equal(body, plain.body) {
			t.Errorf("Accept-Encoding %q: the decoded body differs from the plain one (%d vs %d bytes)", c.accept, len(body), len(plain.body))
		}
		if c.want != "" && len(got.body)*3 > len(plain.body) {
			t.Errorf("%s: %d bytes from %d: hardly compressed", c.want, len(got.body), len(plain.body))
		}
	}
	// Files (a spreadsheet here) go out as the handler wrote them.
	ws := e.registerWorkshop("compress-ws@example.com")
	xlsx := e.do(req{method: "GET", path: "/api/v1/workshops/" + ws.orgID + "/residents.xlsx", token: ws.token,
		header: map[string]string{"Accept-Encoding": "gzip, br"}})
	if xlsx.status != 200 || xlsx.header.Get("Content-Encoding") != "" || !strings.HasPrefix(xlsx.raw, "PK") || len(xlsx.raw) < 1024 {
		t.Errorf("spreadsheet: %d, Content-Encoding %q, %d bytes", xlsx.status, xlsx.header.Get("Content-Encoding"), len(xlsx.raw))
	}
	// Small answers (a few hundred bytes) and errors are not worth it.
	for _, path := range []string{"/api/v1/meta/map", "/api/v1/orders/3f0c1d2e-0000-4000-8000-000000000000", "/api/v1/nope"} {
		if got := e.wire(path, "gzip, br"); got.encoding != "" || len(got.body) > 1024 {
			t.Errorf("%s: %d bytes, Content-Encoding %q", path, len(got.body), got.encoding)
		}
	}
}

type wireResp struct {
	status         int
	encoding, vary string
	body           []byte
}

// wire is a GET with the body as it came over the wire (e.do decodes it).
func (e *env) wire(path, acceptEncoding string) wireResp {
	e.t.Helper()
	r := e.do(req{method: "GET", path: path, header: map[string]string{"Accept-Encoding": acceptEncoding}})
	return wireResp{status: r.status, encoding: r.header.Get("Content-Encoding"), vary: r.header.Get("Vary"), body: r.wire}
}

// decode undoes a Content-Encoding the server applied.
func decode(t testing.TB, encoding string, body []byte) []byte {
	t.Helper()
	var rd io.Reader
	switch encoding {
	case "":
		return body
	case "br":
		rd = brotli.NewReader(bytes.NewReader(body))
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		rd = zr
	default:
		t.Fatalf("unexpected Content-Encoding %q", encoding)
	}
	out, err := io.ReadAll(rd)
	if err != nil {
		t.Fatalf("%s: %v", encoding, err)
	}
	return out
}
