package scale

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"doorstep/server/accounts"
	"doorstep/server/auth"
	"doorstep/server/market"
	"doorstep/server/store"
)

// Password is the password of every generated login (companies, workshops
// and the three staff accounts), as in the demo.
const Password = "doorstep-demo-2026"

// Out receives progress lines; nil is silent.
var Out io.Writer = os.Stderr

var started = time.Now()

func progress(format string, args ...any) {
	if Out != nil {
		fmt.Fprintf(Out, "[seed --scale %6.1fs] %s\n", time.Since(started).Seconds(), fmt.Sprintf(format, args...))
	}
}

// Report is what a run did and how long each part took.
type Report struct {
	Counts   map[string]int `json:"counts"`
	Generate time.Duration  `json:"generate_ns"`
	Copy     time.Duration  `json:"copy_ns"`
	Check    CheckResult    `json:"check"`
	// ForeignKeys is how many foreign keys were verified after the copy.
	ForeignKeys int `json:"foreign_keys"`
}

// Load generates a marketplace and copies it into an empty database in one
// transaction, then checks the ledger and creates the staff logins
// (admin|moderator|finance@scale.doorstep.cn). Indexing for search is the
// caller's (the reindex command's) job.
func Load(ctx context.Context, pool *pgxpool.Pool, st *store.Store, o Options) (Report, error) {
	started = time.Now()
	var rep Report
	var orgs int
	if err := pool.QueryRow(ctx, "SELECT count(*) FROM orgs").Scan(&orgs); err != nil {
		return rep, err
	}
	if orgs > 0 {
		return rep, errors.New("seed --scale needs an empty database (it has organisations): use a new DATABASE_URL")
	}
	progress("generating %d orders, %d workshops, %d companies (seed %d)", o.N, max(4, o.N/10), max(2, o.N/20), o.Seed)
	t0 := time.Now()
	data, err := Generate(o)
	if err != nil {
		return rep, err
	}
	hash, err := auth.HashPassword(Password, auth.DefaultParams)
	if err != nil {
		return rep, err
	}
	for _, row := range tableNamed(data, "users").rows {
		row[2] = hash
	}
	rep.Counts, rep.Generate = data.Counts, time.Since(t0)
	progress("generated in %.1fs", rep.Generate.Seconds())
	t0 = time.Now()
	err = pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		// Like pg_restore --disable-triggers: no per-row triggers (foreign
		// keys, ledger balances) while copying; CheckForeignKeys and Check
		// verify afterwards what they would have enforced.
		if _, err := tx.Exec(ctx, "SET LOCAL session_replication_role = replica"); err != nil {
			return err
		}
		// Like pg_restore, the indexes that are no constraint's are built
		// once after the copy, not entry by entry during it.
		if _, err := tx.Exec(ctx, "SET LOCAL maintenance_work_mem = '256MB'"); err != nil {
			return err
		}
		var indexes []string
		for _, t := range data.Tables {
			defs, err := dropIndexes(ctx, tx, t.name)
			if err != nil {
				return err
			}
			indexes = append(indexes, defs...)
		}
		for _, t := range data.Tables {
			if err := copyTable(ctx, tx, t); err != nil {
				return fmt.Errorf("copy %s: %w", t.name, err)
			}
		}
		t1 := time.Now()
		for _, def := range indexes {
			if _, err := tx.Exec(ctx, def); err != nil {
				return fmt.Errorf("rebuilding index: %w", err)
			}
		}
		progress("%d indexes built in %.1fs", len(indexes), time.Since(t1).Seconds())
		return nil
	})
	if err != nil {
		return rep, err
	}
	rep.Copy = time.Since(t0)
	progress("copied in %.1fs; analyzing", rep.Copy.Seconds())
	names := make([]string, 0, len(data.Tables))
	for _, t := range data.Tables {
		names = append(names, t.name)
	}
	if _, err := pool.Exec(ctx, "ANALYZE "+strings.Join(names, ", ")); err != nil {
		return rep, err
	}
	progress("analyzed; checking foreign keys")
	if rep.ForeignKeys, err = CheckForeignKeys(ctx, pool, names); err != nil {
		return rep, err
	}
	progress("%d foreign keys hold; checking the ledger", rep.ForeignKeys)
	for _, s := range []struct{ role, name string }{{market.StaffAdmin, "平台管理员"}, {market.StaffModerator, "平台审核员"}, {market.StaffFinance, "平台财务"}} {
		if _, err := accounts.CreateStaff(ctx, st, s.role+"@scale.doorstep.cn", Password, s.role, s.name); err != nil {
			return rep, err
		}
	}
	rep.Check, err = Check(ctx, pool)
	if err != nil {
		return rep, err
	}
	progress("ledger checks passed: %s", rep.Check)
	return rep, nil
}

func tableNamed(d *Data, name string) *table {
	for _, t := range d.Tables {
		if t.name == name {
			return t
		}
	}
	return &table{}
}

// copyTable COPYs a table's rows. The ledger's tables go through a staging
// table (COPY cannot fill a GENERATED ALWAYS id). Their rows carry the
// balances the generator computed, so the per-entry balance trigger must
// not add them again (it would also update the two platform accounts a
// hundred thousand times in one transaction): the caller's replica mode
// keeps it off, and Check verifies in SQL what those triggers enforce.
func copyTable(ctx context.Context, tx pgx.Tx, t *table) error {
	t0 := time.Now()
	if len(t.rows) == 0 {
		return nil
	}
	target := t.name
	if t.identity {
		target = "stage_" + t.name
		if _, err := tx.Exec(ctx, fmt.Sprintf("CREATE TEMP TABLE %s (LIKE %s INCLUDING DEFAULTS) ON COMMIT DROP", target, t.name)); err != nil {
			return err
		}
	}
	n, err := tx.CopyFrom(ctx, pgx.Identifier{target}, t.cols, pgx.CopyFromRows(t.rows))
	if err != nil {
		return err
	}
	if t.identity {
		list := ""
		for i, c := range t.cols {
			if i > 0 {
				list += ", "
			}
			list += pgx.Identifier{c}.Sanitize()
		}
		sql := fmt.Sprintf(`INSERT INTO %[1]s (%[2]s) OVERRIDING SYSTEM VALUE SELECT %[2]s FROM %[3]s ORDER BY id;
SELECT setval(pg_get_serial_sequence('%[1]s', 'id'), (SELECT max(id) FROM %[1]s))`, t.name, list, target)
		if _, err := tx.Exec(ctx, sql); err != nil {
			return err
		}
	}
	progress("%-20s %8d rows %6.1fs", t.name, n, time.Since(t0).Seconds())
	return nil
}

// dropIndexes drops table's indexes other than its constraints' and returns
// the statements that create them again.
func dropIndexes(ctx context.Context, tx pgx.Tx, table string) ([]string, error) {
	rows, err := tx.Query(ctx, `SELECT quote_ident(indexname), indexdef FROM pg_indexes
		WHERE schemaname = current_schema() AND tablename = $1
		AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = $1::regclass) ORDER BY indexname`, table)
	if err != nil {
		return nil, err
	}
	var names, defs []string
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			return nil, err
		}
		names, defs = append(names, name), append(defs, def)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, name := range names {
		if _, err := tx.Exec(ctx, "DROP INDEX "+name); err != nil {
			return nil, err
		}
	}
	return defs, nil
}
