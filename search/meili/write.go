package meili

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"doorstep/search"
)

// Upsert adds or replaces documents by id; within one call the later of two
// versions of a document wins.
func (e *Engine) Upsert(ctx context.Context, docs ...search.OrderDoc) error {
	if len(docs) == 0 {
		return nil
	}
	if err := e.ensure(ctx); err != nil {
		return err
	}
	return e.add(ctx, e.uid, docs)
}

func (e *Engine) add(ctx context.Context, uid string, docs []search.OrderDoc) error {
	pk := primaryKey
	for start := 0; start < len(docs); start += batchSize {
		batch := make([]document, 0, min(batchSize, len(docs)-start))
		for _, d := range docs[start:min(start+batchSize, len(docs))] {
			if !uidPattern.MatchString(d.ID) {
				return fmt.Errorf("meili: invalid document id %q", d.ID)
			}
			batch = append(batch, toDocument(d))
		}
		opts := &meilisearch.DocumentOptions{PrimaryKey: &pk}
		if err := e.wait(ctx)(e.client.Index(uid).AddDocumentsWithContext(ctx, batch, opts)); err != nil {
			return err
		}
	}
	return nil
}

// Delete removes documents. Ids Meilisearch could never have stored are
// skipped rather than sent.
func (e *Engine) Delete(ctx context.Context, ids ...string) error {
	valid := make([]string, 0, len(ids))
	for _, id := range ids {
		if uidPattern.MatchString(id) {
			valid = append(valid, id)
		}
	}
	if len(valid) == 0 {
		return nil
	}
	if err := e.ensure(ctx); err != nil {
		return err
	}
	return e.wait(ctx)(e.client.Index(e.uid).DeleteDocumentsWithContext(ctx, valid, nil))
}

// Reindex builds a new index <uid>_<unix nanoseconds> with the settings and
// all documents, swaps it with the live one in one atomic step and deletes
// the old one: searches see the old index until the swap, never an empty one.
// Writes that reach the live index during the build are lost with it; the
// sync jobs of orders changed meanwhile must run again after the swap.
func (e *Engine) Reindex(ctx context.Context, docs []search.OrderDoc) (err error) {
	if err := e.ApplySettings(ctx); err != nil { // the live index must exist to be swapped
		return err
	}
	tmp := e.uid + "_" + strconv.FormatInt(time.Now().UnixNano(), 10)
	defer func() {
		// The temporary index holds the new documents until the swap and the
		// old ones after it: either way it goes.
		cleanup, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
		defer cancel()
		if derr := e.wait(cleanup)(e.client.DeleteIndexWithContext(cleanup, tmp)); derr != nil && err == nil {
			err = derr
		}
	}()
	if err := e.configure(ctx, tmp); err != nil {
		return err
	}
	if err := e.add(ctx, tmp, docs); err != nil {
		return err
	}
	return e.wait(ctx)(e.client.SwapIndexesWithContext(ctx, []*meilisearch.SwapIndexesParams{{Indexes: []string{e.uid, tmp}}}))
}
