package settlement_test

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/google/uuid"

	"doorstep/search"
	"doorstep/search/pgsearch"
	"doorstep/server/jobs"
	"doorstep/server/settlement"
)

// syncJobs counts the search sync jobs waiting for a row: forced order
// syncs (the company's scorecard is on the order's document) and workshop syncs.
func (w *world) syncJobs(orderID, workshopID uuid.UUID) (orders, workshops int) {
	ctx := context.Background()
	must(w.t, w.pool.QueryRow(ctx, `SELECT
		count(*) FILTER (WHERE kind = 'index_order' AND args->>'order_id' = $1 AND (args->>'force')::bool),
		count(*) FILTER (WHERE kind = 'index_workshop' AND args->>'org_id' = $2)
		FROM river_job`, orderID.String(), workshopID.String()).Scan(&orders, &workshops))
	return orders, workshops
}

// TestSettlementReindexesScorecards (issue 13): settling a contract and
// rating it enqueue, in their own transaction, a sync of each public order
// of the company and of the workshop; the documents then carry both
// scorecards, and the search engine filters and sorts by them — null (and
// so filtered out, sorted last) until three contracts have settled.
func TestSettlementReindexesScorecards(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	w := newWorld(t)
	var published uuid.UUID
	must(t, w.pool.QueryRow(ctx, `INSERT INTO orders (company_id, status, title, description, craft, quantity, remaining_quantity, unit_price,
		currency, min_bid_quantity, bidding_deadline, delivery_deadline, region_code, address, lat, lng, minutes_per_piece,
		material_supply, material_value_per_unit, allowed_loss_bp, deposit_kind, quality_criteria, inspection_days, rework_rounds, hourly_equivalent,
		published_at)
		VALUES ($1, 'published', '手工串珠饰品', '', 'beading', 5000, 5000, 80, 'CNY', 500, now() + interval '10 days', now() + interval '60 days',
		'371602', '黄河五路318号', 37.38, 117.97, 6, 'company_ships', 80, 100, 'none', '', 7, 1, 1000, now()) RETURNING id`, w.company.OrgID).Scan(&published))

	engine := pgsearch.New(w.pool)
	rejectionAtMost100 := search.Query{Company: search.CompanyFilter{RejectionMax: p(100.0)}}
	rng := rand.New(rand.NewPCG(13, 13))
	settled := 0
	for settled < 3 {
		o0, w0 := w.syncJobs(published, w.workshop.OrgID)
		id, outcome := w.live(rng, randomTerms(rng))
		if outcome != "settled" {
			continue
		}
		settled++
		if o1, w1 := w.syncJobs(published, w.workshop.OrgID); o1 != o0+1 || w1 < w0+1 {
			t.Fatalf("settling enqueued %d forced order syncs and %d workshop syncs, want 1 and at least 1", o1-o0, w1-w0)
		}
		// A rating changes the other side's average: both are re-synced.
		o0, _ = w.syncJobs(published, w.workshop.OrgID)
		_, err := w.set.Rate(ctx, w.workshop, id, settlement.RatingInput{A: 5, B: 4, C: 5, Comment: "付款及时"})
		must(t, err)
		_, err = w.set.Rate(ctx, w.company, id, settlement.RatingInput{A: 4, B: 4, C: 4, Comment: "质量不错"})
		must(t, err)
		if o1, _ := w.syncJobs(published, w.workshop.OrgID); o1 != o0+2 {
			t.Fatalf("two ratings enqueued %d forced order syncs, want 2", o1-o0)
		}

		// What those jobs write: the documents built from the database.
		docs, err := jobs.AllOrderDocs(ctx, w.st.DB())
		must(t, err)
		if len(docs) != 1 || docs[0].ID != published.String() {
			t.Fatalf("order docs %+v", docs)
		}
		d := docs[0]
		sc, err := settlement.CompanyScorecard(ctx, w.st.DB(), w.company.OrgID)
		must(t, err)
		if d.CompanySettled != int64(settled) || sc.ContractsSettled != int64(settled) {
			t.Fatalf("after %d settled: document says %d, scorecard %d", settled, d.CompanySettled, sc.ContractsSettled)
		}
		wdocs, err := jobs.AllWorkshopDocs(ctx, w.st.DB())
		must(t, err)
		wd := wdocs[0]
		if wd.CompletedContracts != settled {
			t.Fatalf("workshop document: %d completed, want %d", wd.CompletedContracts, settled)
		}
		must(t, engine.Reindex(ctx, docs))
		res, err := engine.Search(ctx, rejectionAtMost100)
		must(t, err)
		if settled < search.MinSettled {
			b, _ := json.Marshal(d)
			if d.CompanyRejectionPct != nil || d.CompanyOnTimePct != nil || d.CompanyRating != nil || wd.AcceptancePct != nil || wd.Rating != nil {
				t.Fatalf("figures from %d settled contracts: %s", settled, b)
			}
			if res.Total != 0 {
				t.Fatalf("a rate filter found an order whose company has %d settled contracts", settled)
			}
			continue
		}
		want := search.Percent(sc.RejectionRate.Value)
		if d.CompanyRejectionPct == nil || *d.CompanyRejectionPct != *want || d.CompanyRating == nil || *d.CompanyRating != *sc.AverageRating ||
			d.CompanyOnTimePct == nil {
			b, _ := json.Marshal(d)
			t.Fatalf("document %s, scorecard %+v", b, sc)
		}
		if wd.AcceptancePct == nil || wd.OnTimePct == nil || wd.Rating == nil || *wd.Rating != 4 || *d.CompanyRating != 4.7 { // rated 4, 4, 4; the company 5, 4, 5
			b, _ := json.Marshal(wd)
			t.Fatalf("workshop document %s", b)
		}
		if res.Total != 1 {
			t.Fatalf("rejection ≤ 100 %%: %d hits", res.Total)
		}
		below := *d.CompanyRejectionPct - 0.1
		if below >= 0 {
			res, err = engine.Search(ctx, search.Query{Company: search.CompanyFilter{RejectionMax: &below}})
			must(t, err)
			if res.Total != 0 {
				t.Fatalf("rejection ≤ %.1f %% found the company with %.1f %%", below, *d.CompanyRejectionPct)
			}
		}
	}
}
