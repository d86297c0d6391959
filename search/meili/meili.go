// Package meili is the production search engine on Meilisearch
// (meilisearch-go v0.36.3, which needs Meilisearch 1.18 or newer). Each
// index (orders, workshops) is an index value with its own spec: the index
// core (settings before documents, confirmed batched writes, a reindex that
// builds aside and swaps) and the request helpers (whitelisted, escaped
// filters; sorts; facets) are shared, so another index is a spec, a
// document type and a query-to-request function.
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

// index is one Meilisearch index.
type index struct {
	client meilisearch.ServiceManager
	uid    string
	spec   *spec
	syn    search.SynonymHolder

	mu      sync.Mutex
	ready   bool   // settings applied by this process
	applied string // the synonyms version the index has
}

// newIndex returns the index indexUID. It does not connect: apply (or the
// first write) creates and configures it.
func newIndex(url, apiKey, indexUID string, s *spec) (*index, error) {
	if url == "" {
		return nil, errors.New("meili: no URL")
	}
	if !uidPattern.MatchString(indexUID) || len(indexUID) > 300 { // room for the reindex suffix
		return nil, fmt.Errorf("meili: invalid index uid %q", indexUID)
	}
	return &index{client: meilisearch.New(url, meilisearch.WithAPIKey(apiKey)), uid: indexUID, spec: s}, nil
}

func (x *index) Name() string { return "meilisearch" }

func (x *index) Health(ctx context.Context) error {
	h, err := x.client.HealthWithContext(ctx)
	if err != nil {
		return fmt.Errorf("meili: %w", err)
	}
	if h.Status != "available" {
		return fmt.Errorf("meili: status %q", h.Status)
	}
	return nil
}

// apply checks the server version, creates the index with its primary key
// if needed and applies the settings. Meilisearch applies a settings update
// that changes nothing without reindexing, so this is cheap to repeat at
// every start.
func (x *index) apply(ctx context.Context) error {
	if err := x.checkVersion(ctx); err != nil {
		return err
	}
	if err := x.configure(ctx, x.uid); err != nil {
		return err
	}
	x.mu.Lock()
	x.ready = true
	x.mu.Unlock()
	return nil
}

// ensure applies the settings once per process before the first write, so
// documents never reach an index without its settings.
func (x *index) ensure(ctx context.Context) error {
	x.mu.Lock()
	ready := x.ready
	x.mu.Unlock()
	if ready {
		return nil
	}
	return x.apply(ctx)
}

func (x *index) configure(ctx context.Context, uid string) error {
	err := x.wait(ctx)(x.client.CreateIndexWithContext(ctx, &meilisearch.IndexConfig{Uid: uid, PrimaryKey: primaryKey}))
	var te *taskError
	if err != nil && !(errors.As(err, &te) && te.Code == "index_already_exists") {
		return err
	}
	syn := x.syn.Synonyms()
	if err := x.wait(ctx)(x.client.Index(uid).UpdateSettingsWithContext(ctx, x.spec.settings(syn))); err != nil {
		return err
	}
	if uid == x.uid {
		x.mu.Lock()
		x.applied = syn.Version()
		x.mu.Unlock()
	}
	return nil
}

// SetSynonyms replaces the craft synonyms: searches here use them at once,
// and the index's synonyms setting is updated when they changed (Meilisearch
// applies it to queries only; documents are not reindexed).
func (x *index) SetSynonyms(ctx context.Context, s *search.Synonyms) error {
	x.syn.Store(s)
	x.mu.Lock()
	same, ready := x.applied == s.Version(), x.ready
	x.mu.Unlock()
	if !ready {
		return x.ensure(ctx) // creates the index with every setting, these synonyms included
	}
	if same {
		return nil
	}
	m := s.Map()
	if err := x.wait(ctx)(x.client.Index(x.uid).UpdateSynonymsWithContext(ctx, &m)); err != nil {
		return err
	}
	x.mu.Lock()
	x.applied = s.Version()
	x.mu.Unlock()
	return nil
}

// checkVersion fails early and clearly on a server older than the client
// library expects (it sends typoTolerance.disableOnNumbers, new in 1.15, and
// swap-indexes "rename", new in 1.18; older servers reject unknown fields).
func (x *index) checkVersion(ctx context.Context) error {
	v, err := x.client.VersionWithContext(ctx)
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
