// Package meili is the production search engine on Meilisearch
// (meilisearch-go v0.36.3, which needs Meilisearch 1.18 or newer).
package meili

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"doorstep/search"
)

const (
	primaryKey   = "id"
	batchSize    = 1000
	pollInterval = 50 * time.Millisecond
	// taskTimeout bounds the wait for one task; indexing a batch of a
	// thousand documents takes seconds, settings on a big index longer.
	taskTimeout = 5 * time.Minute
)

// uidPattern is what Meilisearch accepts as an index uid or document id.
var uidPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,400}$`)

// Engine implements search.Engine on one Meilisearch index.
type Engine struct {
	client meilisearch.ServiceManager
	uid    string

	mu    sync.Mutex
	ready bool // settings applied by this process
}

var _ search.Engine = (*Engine)(nil)

// New returns an engine on the index indexUID. It does not connect:
// ApplySettings (or the first write) creates and configures the index.
func New(url, apiKey, indexUID string) (*Engine, error) {
	if url == "" {
		return nil, errors.New("meili: no URL")
	}
	if !uidPattern.MatchString(indexUID) || len(indexUID) > 300 { // room for the reindex suffix
		return nil, fmt.Errorf("meili: invalid index uid %q", indexUID)
	}
	return &Engine{client: meilisearch.New(url, meilisearch.WithAPIKey(apiKey)), uid: indexUID}, nil
}

func (e *Engine) Name() string { return "meilisearch" }

func (e *Engine) Health(ctx context.Context) error {
	h, err := e.client.HealthWithContext(ctx)
	if err != nil {
		return fmt.Errorf("meili: %w", err)
	}
	if h.Status != "available" {
		return fmt.Errorf("meili: status %q", h.Status)
	}
	return nil
}

// ApplySettings checks the server version, creates the index with its
// primary key if needed and applies the settings. Meilisearch applies a
// settings update that changes nothing without reindexing, so this is cheap
// to repeat at every start.
func (e *Engine) ApplySettings(ctx context.Context) error {
	if err := e.checkVersion(ctx); err != nil {
		return err
	}
	if err := e.configure(ctx, e.uid); err != nil {
		return err
	}
	e.mu.Lock()
	e.ready = true
	e.mu.Unlock()
	return nil
}

// ensure applies the settings once per process before the first write, so
// documents never reach an index without its settings.
func (e *Engine) ensure(ctx context.Context) error {
	e.mu.Lock()
	ready := e.ready
	e.mu.Unlock()
	if ready {
		return nil
	}
	return e.ApplySettings(ctx)
}

func (e *Engine) configure(ctx context.Context, uid string) error {
	err := e.wait(ctx)(e.client.CreateIndexWithContext(ctx, &meilisearch.IndexConfig{Uid: uid, PrimaryKey: primaryKey}))
	var te *taskError
	if err != nil && !(errors.As(err, &te) && te.Code == "index_already_exists") {
		return err
	}
	return e.wait(ctx)(e.client.Index(uid).UpdateSettingsWithContext(ctx, settings()))
}

// checkVersion fails early and clearly on a server older than the client
// library expects (it sends typoTolerance.disableOnNumbers, new in 1.15, and
// swap-indexes "rename", new in 1.18; older servers reject unknown fields).
func (e *Engine) checkVersion(ctx context.Context) error {
	v, err := e.client.VersionWithContext(ctx)
	if err != nil {
		return fmt.Errorf("meili: version: %w", err)
	}
	if !atLeast(v.PkgVersion, 1, 18) {
		return fmt.Errorf("meili: Meilisearch %s is too old: 1.18 or newer is required", v.PkgVersion)
	}
	return nil
}

func atLeast(version string, major, minor int) bool {
	parts := strings.SplitN(strings.TrimPrefix(version, "v"), ".", 3)
	if len(parts) < 2 {
		return false
	}
	maj, err1 := strconv.Atoi(parts[0])
	mnr, err2 := strconv.Atoi(parts[1])
	return err1 == nil && err2 == nil && (maj > major || maj == major && mnr >= minor)
}
