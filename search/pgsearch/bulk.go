package pgsearch

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"doorstep/search"
)

// bulkMin is the size from which a first build of the index (an empty
// table: a new database, `seed --scale`) loads in bulk.
const bulkMin = 5000

// loadColumns are the columns of search_orders a load writes (the others
// are generated).
const loadColumns = "id, tokens, craft, province_code, city_code, district_code, unit_price, bidding_deadline, published_at, " +
	"deposit_kind, lat, lng, company_settled, company_rejection_pct, company_on_time_pct, company_rating"

// bulkLoad fills the empty index the way pg_restore does (issue 24): the
// secondary indexes are dropped, the rows COPYed, the indexes built again
// from the loaded rows and the word counters counted once. Row by row, each
// order updated two GIN indexes and eight B-trees as it was inserted; at a
// million orders that took most of an hour, loading in bulk minutes. The
// table is locked for the load's transaction, which only matters while
// nothing is searchable yet: a reindex of a table with rows keeps the row by
// row path, which readers never wait for.
func (e *Engine) bulkLoad(ctx context.Context, docs []search.OrderDoc) error {
	docs, err := lastByID(docs)
	if err != nil {
		return err
	}
	err = pgx.BeginFunc(ctx, e.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT set_config('doorstep.search_recount', 'on', true), set_config('work_mem', '256MB', true), "+
			"set_config('maintenance_work_mem', '512MB', true)"); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "LOCK TABLE search_orders, search_order_docs IN ACCESS EXCLUSIVE MODE"); err != nil {
			return err
		}
		var empty bool
		if err := tx.QueryRow(ctx, "SELECT NOT EXISTS (SELECT 1 FROM search_orders) AND NOT EXISTS (SELECT 1 FROM search_order_docs)").Scan(&empty); err != nil {
			return err
		}
		if !empty {
			return insertReplacing(ctx, tx, docs) // a writer came first: the ordinary way
		}
		indexes, err := dropIndexes(ctx, tx, "search_orders")
		if err != nil {
			return err
		}
		if err := copyOrders(ctx, tx, docs); err != nil {
			return err
		}
		for _, def := range indexes {
			if _, err := tx.Exec(ctx, def); err != nil {
				return fmt.Errorf("rebuilding index: %w", err)
			}
		}
		_, err = tx.Exec(ctx, recountSQL)
		return err
	})
	if err != nil {
		return err
	}
	_, err = e.pool.Exec(ctx, "VACUUM (ANALYZE) search_orders, search_order_docs, search_term_counts")
	return err
}

// insertReplacing is Reindex's ordinary write inside tx (rows replaced).
func insertReplacing(ctx context.Context, tx pgx.Tx, docs []search.OrderDoc) error {
	for _, sql := range []string{"DELETE FROM search_orders", "DELETE FROM search_order_docs"} {
		if _, err := tx.Exec(ctx, sql); err != nil {
			return err
		}
	}
	if err := insert(ctx, tx, docs); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "DELETE FROM search_term_counts"); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, recountSQL)
	return err
}

// lastByID keeps the last document of each id, in order, and checks ids.
func lastByID(docs []search.OrderDoc) ([]search.OrderDoc, error) {
	last := make(map[string]int, len(docs))
	for i, d := range docs {
		if !isUUID(d.ID) {
			return nil, fmt.Errorf("pgsearch: document id %q is not a UUID", truncateForError(d.ID))
		}
		last[strings.ToLower(d.ID)] = i
	}
	out := make([]search.OrderDoc, 0, len(last))
	for i, d := range docs {
		if last[strings.ToLower(d.ID)] == i {
			out = append(out, d)
		}
	}
	return out, nil
}

// dropIndexes drops table's indexes other than its constraints' and returns
// the statements that create them again.
func dropIndexes(ctx context.Context, tx pgx.Tx, table string) ([]string, error) {
	rows, err := tx.Query(ctx, `SELECT indexname, indexdef FROM pg_indexes
		WHERE schemaname = current_schema() AND tablename = $1
		AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = $1::regclass) ORDER BY indexname`, table)
	if err != nil {
		return nil, err
	}
	type index struct{ name, def string }
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (index, error) {
		var i index
		return i, r.Scan(&i.name, &i.def)
	})
	if err != nil {
		return nil, err
	}
	defs := make([]string, len(list))
	for i, ix := range list {
		if _, err := tx.Exec(ctx, "DROP INDEX "+pgx.Identifier{ix.name}.Sanitize()); err != nil {
			return nil, err
		}
		defs[i] = ix.def
	}
	return defs, nil
}

// copyOrders COPYs the rows and the documents. COPY has no text form of a
// tsvector in pgx's binary protocol, so the rows go through a temporary
// table with the tokens as text, cast once on the way in.
func copyOrders(ctx context.Context, tx pgx.Tx, docs []search.OrderDoc) error {
	if _, err := tx.Exec(ctx, "CREATE TEMP TABLE search_orders_load ON COMMIT DROP AS SELECT "+
		strings.Replace(loadColumns, "tokens", "tokens::text AS tokens", 1)+" FROM search_orders WITH NO DATA"); err != nil {
		return err
	}
	cols := strings.Split(loadColumns, ", ")
	ids := make([]pgtype.UUID, len(docs))
	for i, d := range docs {
		u, err := uuid.Parse(d.ID)
		if err != nil {
			return err
		}
		ids[i] = pgtype.UUID{Bytes: u, Valid: true}
	}
	_, err := tx.CopyFrom(ctx, pgx.Identifier{"search_orders_load"}, cols, pgx.CopyFromSlice(len(docs), func(i int) ([]any, error) {
		d := docs[i]
		return []any{ids[i], docVector(d), d.Craft, d.ProvinceCode, d.CityCode, d.DistrictCode, d.UnitPrice, d.BiddingDeadline,
			d.PublishedAt, d.DepositKind, d.Lat, d.Lng, d.CompanySettled, d.CompanyRejectionPct, d.CompanyOnTimePct, d.CompanyRating}, nil
	}))
	if err != nil {
		return fmt.Errorf("copying rows: %w", err)
	}
	if _, err := tx.Exec(ctx, "INSERT INTO search_orders ("+loadColumns+") SELECT "+
		strings.Replace(loadColumns, "tokens", "tokens::tsvector", 1)+" FROM search_orders_load"); err != nil {
		return err
	}
	_, err = tx.CopyFrom(ctx, pgx.Identifier{"search_order_docs"}, []string{"id", "doc"}, pgx.CopyFromSlice(len(docs), func(i int) ([]any, error) {
		b, err := json.Marshal(docs[i])
		return []any{ids[i], b}, err
	}))
	if err != nil {
		return fmt.Errorf("copying documents: %w", err)
	}
	return nil
}
