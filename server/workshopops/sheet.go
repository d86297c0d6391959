package workshopops

import (
	"context"
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/store"
)

// SheetRow is one resident's work on a contract: accepted pieces recorded
// and the material they took, brought back finished, returned and lost.
type SheetRow struct {
	ResidentID     uuid.UUID  `json:"resident_id"`
	Name           string     `json:"name"`
	Phone          string     `json:"phone"` // masked
	Active         bool       `json:"active"`
	Pieces         int64      `json:"pieces"`
	PiecesUpdated  *time.Time `json:"pieces_updated_at"`
	Taken          int64      `json:"taken"`
	Finished       int64      `json:"finished"`
	Returned       int64      `json:"returned"`
	Lost           int64      `json:"lost"`
	WithResident   int64      `json:"with_resident"` // taken − finished − returned − lost
	MaterialIssues bool       `json:"material_issues"`
}

// Reconciliation compares the material the workshop received with where it is now.
type Reconciliation struct {
	Received     int64 `json:"received"`      // counted in from dispatches, less returns to the company
	Taken        int64 `json:"taken"`         // handed to residents
	Finished     int64 `json:"finished"`      // brought back as finished pieces
	Returned     int64 `json:"returned"`      // brought back unused
	Lost         int64 `json:"lost"`          // reported lost
	WithResident int64 `json:"with_resident"` // still out with residents
	InStock      int64 `json:"in_stock"`      // received − taken + returned: at the workshop
	Difference   int64 `json:"difference"`    // received − finished − lost: not yet accounted for
	Pieces       int64 `json:"pieces"`        // accepted pieces recorded
}

// PieceChange is one entry of the piece records' audit trail.
type PieceChange struct {
	ResidentID   uuid.UUID `json:"resident_id"`
	ResidentName string    `json:"resident_name"`
	OldPieces    int64     `json:"old_pieces"`
	NewPieces    int64     `json:"new_pieces"`
	ChangedBy    string    `json:"changed_by"`
	ChangedAt    time.Time `json:"changed_at"`
}

// SheetView is the contract's work sheet: the piece record page.
type SheetView struct {
	Contract ContractBrief  `json:"contract"`
	Rows     []SheetRow     `json:"rows"`
	Totals   Reconciliation `json:"totals"`
	Open     bool           `json:"open"`   // the contract is still open (show the difference)
	Locked   bool           `json:"locked"` // a distribution is approved: records are final
	// PieceLimit is the most the records may add up to (market.PieceLimit):
	// the contract quantity, or the accepted pieces once deliveries are decided.
	PieceLimit int64         `json:"piece_limit"`
	Accepted   int64         `json:"accepted"` // pieces the company accepted so far
	Changes    []PieceChange `json:"changes"`
	Applied    bool          `json:"applied"` // for a save: false when its key was already applied
}

// Sheet reads the contract's work sheet.
func (s *Service) Sheet(ctx context.Context, a *market.Actor, contractID uuid.UUID) (SheetView, error) {
	db := s.Store.DB()
	k, uid, err := s.opsContract(ctx, db, a, contractID)
	if err != nil {
		return SheetView{}, err
	}
	return s.sheet(ctx, db, k, uid)
}

func (s *Service) sheet(ctx context.Context, db *store.DB, k store.OpsContract, uid uuid.UUID) (SheetView, error) {
	rows, err := db.ContractSheet(ctx, k.ID, uid)
	if err != nil {
		return SheetView{}, err
	}
	_, _, approved, err := db.Distribution(ctx, k.ID, uid)
	if err != nil {
		return SheetView{}, err
	}
	changes, err := db.PieceChanges(ctx, k.ID, uid, 30)
	if err != nil {
		return SheetView{}, err
	}
	v := SheetView{Contract: brief(k), Rows: make([]SheetRow, 0, len(rows)), Open: market.ContractStatus(k.Status).IsOpen(),
		Locked: approved, Changes: make([]PieceChange, 0, len(changes)), Accepted: k.AcceptedUnits,
		PieceLimit: market.PieceLimit(market.ContractStatus(k.Status), k.Quantity, k.AcceptedUnits)}
	t := &v.Totals
	t.Received = receivedMaterial(k)
	for _, r := range rows {
		out := r.Taken - r.Finished - r.Returned - r.Lost
		v.Rows = append(v.Rows, SheetRow{ResidentID: r.ID, Name: r.Name, Phone: market.MaskPhone(r.Phone), Active: r.Active,
			Pieces: r.Pieces, PiecesUpdated: r.PieceUpdatedAt, Taken: r.Taken, Finished: r.Finished, Returned: r.Returned,
			Lost: r.Lost, WithResident: out, MaterialIssues: out < 0})
		t.Taken += r.Taken
		t.Finished += r.Finished
		t.Returned += r.Returned
		t.Lost += r.Lost
		t.Pieces += r.Pieces
	}
	t.WithResident = t.Taken - t.Finished - t.Returned - t.Lost
	t.InStock = t.Received - t.Taken + t.Returned
	t.Difference = t.Received - t.Finished - t.Lost
	for _, c := range changes {
		v.Changes = append(v.Changes, PieceChange{ResidentID: c.ResidentID, ResidentName: c.ResidentName, OldPieces: c.OldPieces,
			NewPieces: c.NewPieces, ChangedBy: c.ChangedBy, ChangedAt: c.ChangedAt})
	}
	return v, nil
}

// PieceEntry sets one resident's accepted pieces.
type PieceEntry struct {
	ResidentID uuid.UUID `json:"resident_id"`
	Pieces     int64     `json:"pieces"`
}

// PieceSave is one tap of "save" on the phone: absolute values, and a key
// the client makes once per save and resends unchanged when it retries.
type PieceSave struct {
	SaveKey uuid.UUID    `json:"save_key"`
	Records []PieceEntry `json:"records"`
}

// SavePieces applies a save once: a key already seen changes nothing (the
// first attempt landed; the phone lost the answer). Each changed value is
// kept in the audit trail with the value it replaced.
func (s *Service) SavePieces(ctx context.Context, a *market.Actor, contractID uuid.UUID, in PieceSave) (SheetView, error) {
	var v market.Validator
	v.Check(in.SaveKey != uuid.Nil, "save_key", "缺少保存编号", "save_key is required")
	v.Check(len(in.Records) >= 1 && len(in.Records) <= 2000, "records", "请至少记录一位居民", "record at least one resident")
	for _, r := range in.Records {
		v.Check(r.Pieces >= 0 && r.Pieces <= 10_000_000, "records", "件数需为0或正整数", "pieces must be zero or more")
	}
	if err := v.Err(); err != nil {
		return SheetView{}, err
	}
	var view SheetView
	err := s.Store.Tx(ctx, func(db *store.DB) error {
		k, uid, err := s.lockedContract(ctx, db, a, contractID)
		if err != nil {
			return err
		}
		fresh, err := db.ClaimPieceSave(ctx, k.ID, in.SaveKey, uid)
		if err != nil {
			return err
		}
		if fresh {
			if err := s.applyPieces(ctx, db, k, uid, in); err != nil {
				return err
			}
		}
		view, err = s.sheet(ctx, db, k, uid)
		view.Applied = fresh
		return err
	})
	return view, err
}

func (s *Service) applyPieces(ctx context.Context, db *store.DB, k store.OpsContract, uid uuid.UUID, in PieceSave) error {
	rows, err := db.ContractSheet(ctx, k.ID, uid)
	if err != nil {
		return err
	}
	current := map[uuid.UUID]int64{}
	for _, r := range rows {
		current[r.ID] = r.Pieces
	}
	next := map[uuid.UUID]int64{}
	for id, p := range current {
		next[id] = p
	}
	for _, r := range in.Records {
		if _, ok := current[r.ResidentID]; !ok {
			return market.FieldError("records", "居民不在本工坊的在岗名单中", "a resident is not on this workshop's active roster")
		}
		next[r.ResidentID] = r.Pieces
	}
	var total int64
	for _, p := range next {
		total += p
	}
	if err := market.CheckPieceTotal(market.ContractStatus(k.Status), k.Quantity, k.AcceptedUnits, total); err != nil {
		return err
	}
	for _, r := range in.Records {
		if old := current[r.ResidentID]; old != r.Pieces {
			if err := db.SetPieces(ctx, k.ID, r.ResidentID, old, r.Pieces, in.SaveKey, uid); err != nil {
				return err
			}
			current[r.ResidentID] = r.Pieces // the same resident twice in one save: audit each step
		}
	}
	return nil
}

// lockedContract locks the contract for a write by its workshop's members
// and refuses changes once the contract is cancelled or the distribution approved.
func (s *Service) lockedContract(ctx context.Context, db *store.DB, a *market.Actor, contractID uuid.UUID) (store.OpsContract, uuid.UUID, error) {
	uid, err := caller(a)
	if err != nil {
		return store.OpsContract{}, uid, err
	}
	if err := db.LockOpsContract(ctx, contractID, uid); err != nil {
		return store.OpsContract{}, uid, err
	}
	k, uid, err := s.opsContract(ctx, db, a, contractID)
	if err != nil {
		return k, uid, err
	}
	_, _, approved, err := db.Distribution(ctx, k.ID, uid)
	if err != nil {
		return k, uid, err
	}
	p := market.DistributionPolicyFor(market.DistributionFacts{Contract: market.ContractStatus(k.Status), Approved: approved})
	return k, uid, p.Actions.RecordPieces.Err()
}

// Handout is one material movement between the workshop and a resident.
type Handout struct {
	ResidentID uuid.UUID `json:"resident_id"`
	Taken      int64     `json:"taken"`
	Finished   int64     `json:"finished"`
	Returned   int64     `json:"returned"`
	Lost       int64     `json:"lost"`
	Note       string    `json:"note"`
}

// AddHandout records a movement. A resident cannot bring back more than they
// took, and the workshop cannot hand out more than it has in stock.
func (s *Service) AddHandout(ctx context.Context, a *market.Actor, contractID uuid.UUID, in Handout) (SheetView, error) {
	var v market.Validator
	for f, n := range map[string]int64{"taken": in.Taken, "finished": in.Finished, "returned": in.Returned, "lost": in.Lost} {
		v.Check(n >= 0 && n <= 10_000_000, f, "数量需为0或正整数", "must be zero or more")
	}
	v.Check(in.Taken+in.Finished+in.Returned+in.Lost > 0, "taken", "请至少填写一项数量", "enter at least one quantity")
	note, err := market.CheckNote("note", in.Note)
	if err := market.MergeInvalid(v.Err(), err); err != nil {
		return SheetView{}, err
	}
	var view SheetView
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		k, uid, err := s.lockedContract(ctx, db, a, contractID)
		if err != nil {
			return err
		}
		before, err := s.sheet(ctx, db, k, uid)
		if err != nil {
			return err
		}
		var row *SheetRow
		for i := range before.Rows {
			if before.Rows[i].ResidentID == in.ResidentID {
				row = &before.Rows[i]
			}
		}
		if row == nil {
			return market.FieldError("resident_id", "居民不在本工坊的在岗名单中", "the resident is not on this workshop's active roster")
		}
		if row.WithResident+in.Taken-in.Finished-in.Returned-in.Lost < 0 {
			return market.FieldError("finished", "交回的数量超过了该居民领取的材料", "more comes back than the resident took")
		}
		if before.Totals.InStock-in.Taken+in.Returned < 0 {
			return market.FieldError("taken", "领取数量超过了工坊现有的材料", "more is handed out than the workshop has in stock")
		}
		err = db.InsertHandout(ctx, store.HandoutArgs{ContractID: k.ID, ResidentID: in.ResidentID, Taken: in.Taken,
			Finished: in.Finished, Returned: in.Returned, Lost: in.Lost, Note: note, RecordedBy: &uid})
		if err != nil {
			return err
		}
		view, err = s.sheet(ctx, db, k, uid)
		return err
	})
	return view, err
}
