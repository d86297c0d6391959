package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"doorstep/migrations"
	"doorstep/server/store"
	"doorstep/server/store/storetest"
)

// TestMigrationsDownAndUpAgain: on an empty database, every migration's
// Down section undoes its Up exactly. Going up one migration at a time
// records the schema after each; going down one at a time must give back
// the schema recorded one step earlier (River's tables alone at version 0),
// and going up again must give the same schema as the first time. A Down
// that fails, or leaves behind or removes an object, fails here.
func TestMigrationsDownAndUpAgain(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	pool, err := pgxpool.New(ctx, storetest.NewEmptyURL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	rm, err := rivermigrate.New(riverpgxv5.New(pool), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rm.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		t.Fatal(err)
	}
	db := stdlib.OpenDBFromPool(pool)
	defer db.Close()
	p, err := goose.NewProvider(goose.DialectPostgres, db, migrations.FS)
	if err != nil {
		t.Fatal(err)
	}

	after := map[int64][]string{0: schema(ctx, t, pool)} // by version
	var versions []int64
	for {
		r, err := p.UpByOne(ctx)
		if errors.Is(err, goose.ErrNoNextVersion) {
			break
		}
		if err != nil {
			t.Fatalf("up: %v", err)
		}
		v := r.Source.Version
		versions = append(versions, v)
		after[v] = schema(ctx, t, pool)
	}
	if len(versions) != len(p.ListSources()) {
		t.Fatalf("went up %d migrations of %d", len(versions), len(p.ListSources()))
	}
	for i := len(versions) - 1; i >= 0; i-- {
		r, err := p.Down(ctx)
		if err != nil {
			t.Fatalf("down from %d: %v", versions[i], err)
		}
		prev := int64(0)
		if i > 0 {
			prev = versions[i-1]
		}
		compare(t, fmt.Sprintf("down %s (against version %d)", r.Source.Path, prev), after[prev], schema(ctx, t, pool))
		if t.Failed() {
			t.FailNow() // the steps below would repeat this difference
		}
	}

	st, err := store.New(pool)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Migrate(ctx); err != nil {
		t.Fatalf("up again: %v", err)
	}
	last := versions[len(versions)-1]
	compare(t, "up again (against the first time)", after[last], schema(ctx, t, pool))
}

// schema describes everything in the public schema a migration can create,
// one line per object: columns, constraints, indexes, storage options,
// functions, triggers, views and types. A column's position is left out (a
// Down that adds back a dropped column cannot put it back in place, and
// sqlc names every column), and so is goose's own version table.
func schema(ctx context.Context, t *testing.T, pool *pgxpool.Pool) []string {
	t.Helper()
	rows, err := pool.Query(ctx, `
SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
       || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
       || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
       || CASE WHEN a.attgenerated <> '' THEN ' generated' ELSE '' END
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped
UNION ALL
SELECT 'relation ' || c.relname || ' ' || c.relkind::text || coalesce(' ' || array_to_string(c.reloptions, ','), '')
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'i')
UNION ALL
SELECT 'constraint ' || conrelid::regclass || '.' || conname || ' ' || pg_get_constraintdef(oid)
FROM pg_constraint WHERE connamespace = 'public'::regnamespace
UNION ALL
SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
UNION ALL
SELECT 'function ' || pg_get_functiondef(p.oid)
FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.prokind IN ('f', 'p')
UNION ALL
SELECT 'trigger ' || pg_get_triggerdef(oid) FROM pg_trigger
WHERE NOT tgisinternal AND tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)
UNION ALL
SELECT 'view ' || viewname || ' ' || definition FROM pg_views WHERE schemaname = 'public'
UNION ALL
SELECT 'type ' || t.typname || ' ' || t.typtype::text || coalesce(' ' || (SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder)
       FROM pg_enum WHERE enumtypid = t.oid), '')
FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd')`)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(line, "goose_db_version") {
			out = append(out, line)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("empty schema description")
	}
	return out
}

// compare reports the lines only one of the two descriptions has.
func compare(t *testing.T, when string, want, got []string) {
	t.Helper()
	count := map[string]int{}
	for _, l := range want {
		count[l]++
	}
	for _, l := range got {
		count[l]--
	}
	for l, n := range count {
		switch {
		case n > 0:
			t.Errorf("%s: missing %s", when, l)
		case n < 0:
			t.Errorf("%s: left over or new %s", when, l)
		}
	}
}
