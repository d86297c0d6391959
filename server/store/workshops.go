package store

import (
	"context"
	"encoding/json"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgtype"

	"doorstep/server/market"
	"doorstep/server/store/dbq"
)

// Workshop operations (workshops.sql). Every method that touches a resident
// takes the caller's user id: the SQL joins it to the workshop's members, so
// a non-member gets market.ErrNotFound (or nothing) from the database itself.

type (
	OpsContract            = dbq.ContractForOpsRow
	SheetRow               = dbq.ContractSheetRow
	PieceChange            = dbq.PieceRecordChangesRow
	DistributionRow        = dbq.DistributionForContractRow
	DistributionLineRow    = dbq.DistributionLinesRow
	CreateDistributionArgs = dbq.CreateDistributionParams
	DistributionLineArgs   = dbq.InsertDistributionLineParams
	HandoutArgs            = dbq.InsertHandoutParams
	WorkshopPaidLine       = dbq.WorkshopPaidLinesRow
	ClosedPaidLine         = dbq.ClosedPaidLinesRow
	TagMonthAggregate      = dbq.ClosedTagAggregatesRow
)

// ResidentFilter selects a page of one workshop's roster.
type ResidentFilter struct {
	WorkshopID, CallerID uuid.UUID
	Active               *bool
	Q                    *string
	Lim, Off             int32
}

func toDate(t time.Time) pgtype.Date { return pgtype.Date{Time: t, Valid: true} }

func residentFrom(id, workshop uuid.UUID, name, phone string, crafts []string, joined pgtype.Date, active bool,
	created, updated time.Time, tags json.RawMessage) market.Resident {
	r := market.Resident{ID: id, WorkshopID: workshop, Name: name, Phone: phone, Crafts: crafts, JoinedOn: joined.Time,
		Active: active, CreatedAt: created, UpdatedAt: updated, Tags: []market.TagConsent{}}
	_ = json.Unmarshal(tags, &r.Tags) // built by jsonb_build_object in the query
	return r
}

// IsWorkshopMember reports whether the user belongs to the workshop.
func (d *DB) IsWorkshopMember(ctx context.Context, workshopID, userID uuid.UUID) (bool, error) {
	return d.q.IsWorkshopMember(ctx, dbq.IsWorkshopMemberParams{WorkshopID: workshopID, CallerID: userID})
}

// ListResidents returns a page of the roster and the filter's total.
func (d *DB) ListResidents(ctx context.Context, f ResidentFilter) ([]market.Resident, int64, error) {
	rows, err := d.q.ListResidents(ctx, dbq.ListResidentsParams{CallerID: f.CallerID, WorkshopID: f.WorkshopID,
		Active: f.Active, Q: f.Q, Lim: f.Lim, Off: f.Off})
	if err != nil {
		return nil, 0, err
	}
	out := make([]market.Resident, len(rows))
	for i, r := range rows {
		out[i] = residentFrom(r.ID, r.WorkshopID, r.Name, r.Phone, r.Crafts, r.JoinedOn, r.Active, r.CreatedAt, r.UpdatedAt, r.Tags)
	}
	total, err := d.q.CountResidents(ctx, dbq.CountResidentsParams{CallerID: f.CallerID, WorkshopID: f.WorkshopID, Active: f.Active, Q: f.Q})
	return out, total, err
}

// Resident reads one resident for a member of its workshop.
func (d *DB) Resident(ctx context.Context, id, callerID uuid.UUID) (market.Resident, error) {
	r, err := d.q.ResidentByID(ctx, dbq.ResidentByIDParams{ID: id, CallerID: callerID})
	if IsNoRows(err) {
		return market.Resident{}, market.ErrNotFound
	}
	return residentFrom(r.ID, r.WorkshopID, r.Name, r.Phone, r.Crafts, r.JoinedOn, r.Active, r.CreatedAt, r.UpdatedAt, r.Tags), err
}

// LockResident locks a resident's row for a member of its workshop.
func (d *DB) LockResident(ctx context.Context, id, callerID uuid.UUID) error {
	_, err := d.q.ResidentByIDForUpdate(ctx, dbq.ResidentByIDForUpdateParams{ID: id, CallerID: callerID})
	if IsNoRows(err) {
		return market.ErrNotFound
	}
	return err
}

// CreateResident adds r to its workshop's roster if the caller is a member.
func (d *DB) CreateResident(ctx context.Context, callerID uuid.UUID, r market.Resident) (uuid.UUID, error) {
	id, err := d.q.CreateResident(ctx, dbq.CreateResidentParams{WorkshopID: r.WorkshopID, Name: r.Name, Phone: r.Phone,
		Crafts: r.Crafts, JoinedOn: toDate(r.JoinedOn), Active: r.Active, CallerID: callerID})
	if IsNoRows(err) {
		return uuid.Nil, market.ErrNotFound
	}
	return id, err
}

// UpdateResident writes r's fields if the caller is a member of its workshop.
func (d *DB) UpdateResident(ctx context.Context, callerID uuid.UUID, r market.Resident) error {
	_, err := d.q.UpdateResident(ctx, dbq.UpdateResidentParams{ID: r.ID, Name: r.Name, Phone: r.Phone, Crafts: r.Crafts,
		JoinedOn: toDate(r.JoinedOn), Active: r.Active, CallerID: callerID})
	if IsNoRows(err) {
		return market.ErrNotFound
	}
	return err
}

// SetResidentTags makes tags the resident's recorded tags; a new one records
// the caller as having taken the resident's consent, now.
func (d *DB) SetResidentTags(ctx context.Context, callerID, residentID uuid.UUID, tags []string) error {
	err := d.q.DeleteResidentTagsExcept(ctx, dbq.DeleteResidentTagsExceptParams{ResidentID: residentID, CallerID: callerID, Keep: tags})
	if err != nil {
		return err
	}
	return d.q.AddResidentTags(ctx, dbq.AddResidentTagsParams{CallerID: &callerID, Tags: tags, ResidentID: residentID})
}

// ResidentPhones maps the workshop's residents' phones (and ids) to ids, for imports.
func (d *DB) ResidentPhones(ctx context.Context, workshopID, callerID uuid.UUID) (byPhone map[string]uuid.UUID, ids map[uuid.UUID]bool, err error) {
	rows, err := d.q.ResidentKeys(ctx, dbq.ResidentKeysParams{WorkshopID: workshopID, CallerID: callerID})
	byPhone, ids = map[string]uuid.UUID{}, map[uuid.UUID]bool{}
	for _, r := range rows {
		ids[r.ID] = true
		if r.Phone != "" {
			byPhone[r.Phone] = r.ID
		}
	}
	return byPhone, ids, err
}

// OpsContract reads a contract for a member of its workshop, else ErrNotFound.
func (d *DB) OpsContract(ctx context.Context, id, callerID uuid.UUID) (OpsContract, error) {
	k, err := d.q.ContractForOps(ctx, dbq.ContractForOpsParams{ID: id, CallerID: callerID})
	if IsNoRows(err) {
		return k, market.ErrNotFound
	}
	return k, err
}

// LockOpsContract locks the contract row: piece saves, hand-outs and the
// approval of one contract run one at a time.
func (d *DB) LockOpsContract(ctx context.Context, id, callerID uuid.UUID) error {
	_, err := d.q.LockContractForOps(ctx, dbq.LockContractForOpsParams{ID: id, CallerID: callerID})
	if IsNoRows(err) {
		return market.ErrNotFound
	}
	return err
}

// ContractSheet lists the residents working (or able to work) on a contract.
func (d *DB) ContractSheet(ctx context.Context, contractID, callerID uuid.UUID) ([]SheetRow, error) {
	return d.q.ContractSheet(ctx, dbq.ContractSheetParams{ContractID: contractID, CallerID: callerID})
}

// PieceChanges is the newest lim entries of the contract's audit trail.
func (d *DB) PieceChanges(ctx context.Context, contractID, callerID uuid.UUID, lim int32) ([]PieceChange, error) {
	return d.q.PieceRecordChanges(ctx, dbq.PieceRecordChangesParams{ContractID: contractID, CallerID: callerID, Lim: lim})
}

// ClaimPieceSave records a save key; false means it was applied before.
func (d *DB) ClaimPieceSave(ctx context.Context, contractID, key, userID uuid.UUID) (bool, error) {
	return d.q.ClaimPieceSave(ctx, dbq.ClaimPieceSaveParams{ContractID: contractID, SaveKey: key, SavedBy: &userID})
}

// SetPieces writes a resident's pieces and the audit entry with the old value.
func (d *DB) SetPieces(ctx context.Context, contractID, residentID uuid.UUID, old, pieces int64, key, userID uuid.UUID) error {
	err := d.q.UpsertPieceRecord(ctx, dbq.UpsertPieceRecordParams{ContractID: contractID, ResidentID: residentID, Pieces: pieces, UpdatedBy: &userID})
	if err != nil {
		return err
	}
	return d.q.InsertPieceRecordChange(ctx, dbq.InsertPieceRecordChangeParams{ContractID: contractID, ResidentID: residentID,
		OldPieces: old, NewPieces: pieces, SaveKey: key, ChangedBy: &userID})
}

// InsertHandout records one material movement.
func (d *DB) InsertHandout(ctx context.Context, a HandoutArgs) error {
	return d.q.InsertHandout(ctx, a)
}

// WorkshopFundBP is the workshop's community fund share (0 if never set).
func (d *DB) WorkshopFundBP(ctx context.Context, workshopID uuid.UUID) (int, error) {
	bp, err := d.q.WorkshopFundBP(ctx, workshopID)
	return int(bp), err
}

// SetWorkshopFundBP remembers the workshop's community fund share.
func (d *DB) SetWorkshopFundBP(ctx context.Context, workshopID uuid.UUID, bp int) error {
	return d.q.SetWorkshopFundBP(ctx, dbq.SetWorkshopFundBPParams{WorkshopID: workshopID, CommunityFundBp: int32(bp)})
}

// Distribution reads a contract's approved distribution and its lines; found
// is false while none is approved.
func (d *DB) Distribution(ctx context.Context, contractID, callerID uuid.UUID) (DistributionRow, []DistributionLineRow, bool, error) {
	row, err := d.q.DistributionForContract(ctx, dbq.DistributionForContractParams{ContractID: contractID, CallerID: callerID})
	if IsNoRows(err) {
		return row, nil, false, nil
	}
	if err != nil {
		return row, nil, false, err
	}
	lines, err := d.q.DistributionLines(ctx, dbq.DistributionLinesParams{DistributionID: row.ID, CallerID: callerID})
	return row, lines, true, err
}

// CreateDistribution freezes an approved distribution with its lines.
func (d *DB) CreateDistribution(ctx context.Context, a CreateDistributionArgs, lines []DistributionLineArgs) error {
	id, err := d.q.CreateDistribution(ctx, a)
	if err != nil {
		return err
	}
	for _, l := range lines {
		l.DistributionID = id
		if err := d.q.InsertDistributionLine(ctx, l); err != nil {
			return err
		}
	}
	return nil
}

// LockLine locks a distribution line for a member of its workshop and
// returns its contract and when it was paid (nil: not yet).
func (d *DB) LockLine(ctx context.Context, id, callerID uuid.UUID) (uuid.UUID, *time.Time, error) {
	r, err := d.q.LineContract(ctx, dbq.LineContractParams{ID: id, CallerID: callerID})
	if IsNoRows(err) {
		return uuid.Nil, nil, market.ErrNotFound
	}
	return r.ContractID, r.PaidAt, err
}

// MarkLinePaid records how a resident was paid.
func (d *DB) MarkLinePaid(ctx context.Context, id, callerID uuid.UUID, method, reference string) error {
	return d.q.MarkLinePaid(ctx, dbq.MarkLinePaidParams{ID: id, CallerID: &callerID, Method: &method, Reference: reference})
}

// WorkshopImpact reads what a workshop's dashboard needs: roster counts,
// pieces recorded and its paid lines (with tags, for its coordinators).
func (d *DB) WorkshopImpact(ctx context.Context, workshopID, callerID uuid.UUID) (active, total, pieces int64, lines []WorkshopPaidLine, err error) {
	c, err := d.q.WorkshopRosterCounts(ctx, dbq.WorkshopRosterCountsParams{WorkshopID: workshopID, CallerID: callerID})
	if err != nil {
		return 0, 0, 0, nil, err
	}
	pieces, err = d.q.WorkshopPiecesRecorded(ctx, dbq.WorkshopPiecesRecordedParams{WorkshopID: workshopID, CallerID: callerID})
	if err != nil {
		return 0, 0, 0, nil, err
	}
	lines, err = d.q.WorkshopPaidLines(ctx, dbq.WorkshopPaidLinesParams{WorkshopID: workshopID, CallerID: callerID})
	return c.Active, c.Total, pieces, lines, err
}

// ClosedImpactInputs reads the inputs of the k-anonymous platform figures:
// paid lines and per-tag aggregates from from up to before (the start of
// the running month, which is never published).
func (d *DB) ClosedImpactInputs(ctx context.Context, from, before time.Time) ([]ClosedPaidLine, []TagMonthAggregate, error) {
	span := dbq.ClosedPaidLinesParams{FromAt: from, Before: before}
	lines, err := d.q.ClosedPaidLines(ctx, span)
	if err != nil {
		return nil, nil, err
	}
	tags, err := d.q.ClosedTagAggregates(ctx, dbq.ClosedTagAggregatesParams(span))
	return lines, tags, err
}

// FreezeImpactMonths stores months' figures; a month already frozen keeps
// what it had (a concurrent reader froze it first).
func (d *DB) FreezeImpactMonths(ctx context.Context, months map[string]json.RawMessage) error {
	for m, figures := range months {
		if err := d.q.FreezeImpactMonth(ctx, dbq.FreezeImpactMonthParams{Month: m, Figures: figures}); err != nil {
			return err
		}
	}
	return nil
}
