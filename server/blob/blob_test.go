package blob

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

// Both storages behave the same: put, get, delete, not found. The S3 one
// talks the S3 protocol to gofakes3 in the test process (no S3 service can
// run here).
func TestStorages(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(gofakes3.New(s3mem.New()).Server())
	t.Cleanup(srv.Close)
	s3, err := NewS3(context.Background(), S3Config{Endpoint: strings.TrimPrefix(srv.URL, "http://"), Bucket: "doorstep",
		AccessKey: "key", SecretKey: "secret", Region: "us-east-1"})
	if err != nil {
		t.Fatal(err)
	}
	for name, st := range map[string]Storage{"disk": Disk{Dir: t.TempDir()}, "s3": s3} {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			key := "abcdef0123456789"
			if _, err := st.Get(ctx, key); !errors.Is(err, ErrNotFound) {
				t.Fatalf("missing key: %v", err)
			}
			if err := st.Put(ctx, key, "image/jpeg", []byte("jpeg bytes")); err != nil {
				t.Fatal(err)
			}
			if b, err := st.Get(ctx, key); err != nil || string(b) != "jpeg bytes" {
				t.Fatalf("get: %q %v", b, err)
			}
			if err := st.Delete(ctx, key); err != nil {
				t.Fatal(err)
			}
			if _, err := st.Get(ctx, key); !errors.Is(err, ErrNotFound) {
				t.Fatalf("after delete: %v", err)
			}
		})
	}
	if err := (Disk{Dir: t.TempDir()}).Put(context.Background(), "../etc", "", nil); err == nil {
		t.Fatal("a key climbing out of the directory was accepted")
	}
}
