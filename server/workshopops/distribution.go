package workshopops

import (
	"context"
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/store"
)

// Distribution states.
const (
	DistNotReleased = "not_released" // no money released for the contract yet
	DistDraft       = "draft"        // computed from the current records, not approved
	DistApproved    = "approved"     // frozen; lines are being paid
	DistPaid        = "paid"         // every line paid
)

// DistributionStatuses are every state a distribution is shown in.
var DistributionStatuses = []string{DistNotReleased, DistDraft, DistApproved, DistPaid}

// DistributionLine is one resident's part (and, once approved, its payment).
type DistributionLine struct {
	ID            *uuid.UUID `json:"id"` // nil in a draft
	ResidentID    uuid.UUID  `json:"resident_id"`
	Name          string     `json:"name"`
	Pieces        int64      `json:"pieces"`
	Amount        int64      `json:"amount"`
	ShareBP       int64      `json:"share_bp"` // the resident's share of the pieces, in basis points
	PaidAt        *time.Time `json:"paid_at"`
	PaidMethod    string     `json:"paid_method"`
	PaidReference string     `json:"paid_reference"`
	PaidBy        string     `json:"paid_by"`
}

// DistributionView is the contract's distribution: a live draft until the
// coordinator approves it, then the frozen amounts and their payments.
type DistributionView struct {
	Contract        ContractBrief      `json:"contract"`
	Status          string             `json:"status"`
	Net             int64              `json:"net"`
	CommunityFundBP int                `json:"community_fund_bp"`
	CommunityFund   int64              `json:"community_fund"`
	Distributed     int64              `json:"distributed"`
	TotalPieces     int64              `json:"total_pieces"`
	Lines           []DistributionLine `json:"lines"`
	ApprovedAt      *time.Time         `json:"approved_at"`
	ApprovedBy      string             `json:"approved_by"`
	Paid            int                `json:"paid"`
	// PieceRate is what one piece earned, in hundredths of a fen
	// (distributed ÷ pieces): the payslip's "pieces × rate".
	PieceRate int64 `json:"piece_rate"`
	// Accepted are the pieces the company accepted; BasisNote is the
	// coordinator's reason when the split was approved on other records.
	Accepted  int64  `json:"accepted"`
	BasisNote string `json:"basis_note"`
	// PaidOut is what the platform has sent the workshop for the contract.
	PaidOut int64 `json:"paid_out"`
	// What the coordinator may do now and why not (market.DistributionPolicyFor).
	market.DistributionPolicy
}

// Distribution reads the approved distribution or computes the draft, with
// fundBP (nil: the workshop's remembered share) as the community fund share.
func (s *Service) Distribution(ctx context.Context, a *market.Actor, contractID uuid.UUID, fundBP *int) (DistributionView, error) {
	db := s.Store.DB()
	k, uid, err := s.opsContract(ctx, db, a, contractID)
	if err != nil {
		return DistributionView{}, err
	}
	return s.distribution(ctx, db, k, uid, fundBP)
}

func (s *Service) distribution(ctx context.Context, db *store.DB, k store.OpsContract, uid uuid.UUID, fundBP *int) (DistributionView, error) {
	row, lines, approved, err := db.Distribution(ctx, k.ID, uid)
	if err != nil {
		return DistributionView{}, err
	}
	facts := market.DistributionFacts{Contract: market.ContractStatus(k.Status), Approved: approved, Net: k.ReleasedNet,
		Accepted: k.AcceptedUnits, PaidOut: k.PaidOut}
	if approved {
		facts.Net, facts.Recorded = row.Net, row.TotalPieces
		v := DistributionView{Contract: brief(k), Status: DistApproved, Net: row.Net, CommunityFundBP: int(row.CommunityFundBp),
			CommunityFund: row.CommunityFund, Distributed: row.Distributed, TotalPieces: row.TotalPieces,
			ApprovedAt: &row.ApprovedAt, ApprovedBy: row.ApprovedByName, Lines: make([]DistributionLine, 0, len(lines)),
			PieceRate: market.PieceRate(row.Distributed, row.TotalPieces), Accepted: k.AcceptedUnits, BasisNote: row.BasisNote,
			PaidOut: k.PaidOut, DistributionPolicy: market.DistributionPolicyFor(facts)}
		for _, l := range lines {
			id := l.ID
			v.Lines = append(v.Lines, DistributionLine{ID: &id, ResidentID: l.ResidentID, Name: l.ResidentName, Pieces: l.Pieces,
				Amount: l.Amount, ShareBP: market.ShareBP(l.Pieces, row.TotalPieces), PaidAt: l.PaidAt, PaidMethod: deref(l.PaidMethod),
				PaidReference: l.PaidReference, PaidBy: l.PaidByName})
			if l.PaidAt != nil {
				v.Paid++
			}
		}
		if v.Paid == len(v.Lines) {
			v.Status = DistPaid
		}
		return v, nil
	}
	bp := 0
	if fundBP != nil {
		bp = *fundBP
	} else if bp, err = db.WorkshopFundBP(ctx, k.WorkshopID); err != nil {
		return DistributionView{}, err
	}
	if err := market.CheckFundBP(bp); err != nil {
		return DistributionView{}, err
	}
	rows, err := db.ContractSheet(ctx, k.ID, uid)
	if err != nil {
		return DistributionView{}, err
	}
	v := DistributionView{Contract: brief(k), Status: DistDraft, Net: k.ReleasedNet, CommunityFundBP: bp, Lines: []DistributionLine{},
		Accepted: k.AcceptedUnits, PaidOut: k.PaidOut}
	var shares []market.PieceShare
	for _, r := range rows {
		if r.Pieces > 0 {
			shares = append(shares, market.PieceShare{Key: r.ID.String(), Pieces: r.Pieces})
			v.Lines = append(v.Lines, DistributionLine{ResidentID: r.ID, Name: r.Name, Pieces: r.Pieces})
			facts.Recorded += r.Pieces
		}
	}
	if k.ReleasedNet == 0 {
		v.Status = DistNotReleased
	}
	v.DistributionPolicy = market.DistributionPolicyFor(facts)
	if len(shares) == 0 {
		return v, nil
	}
	d, err := market.Distribute(k.ReleasedNet, bp, shares)
	if err != nil {
		return DistributionView{}, err
	}
	v.CommunityFund, v.Distributed, v.TotalPieces = d.CommunityFund, d.Distributed, d.TotalPieces
	v.PieceRate = market.PieceRate(d.Distributed, d.TotalPieces)
	for i := range v.Lines {
		v.Lines[i].Amount = d.Amounts[v.Lines[i].ResidentID.String()]
		v.Lines[i].ShareBP = market.ShareBP(v.Lines[i].Pieces, d.TotalPieces)
	}
	return v, nil
}

// Approval is what the coordinator approves: the fund share they reviewed,
// and, when the pieces recorded differ from those accepted, why the split
// is sound anyway (printed on every payslip).
type Approval struct {
	CommunityFundBP int    `json:"community_fund_bp"`
	Reason          string `json:"reason" text:"multiline"`
}

// Approve freezes the distribution (and the piece records with it) and
// remembers the fund share for the workshop's next one.
func (s *Service) Approve(ctx context.Context, a *market.Actor, contractID uuid.UUID, in Approval) (DistributionView, error) {
	if err := market.CheckFundBP(in.CommunityFundBP); err != nil {
		return DistributionView{}, err
	}
	err := s.Store.Tx(ctx, func(db *store.DB) error {
		k, uid, err := s.lockedContract(ctx, db, a, contractID)
		if err != nil {
			return err
		}
		v, err := s.distribution(ctx, db, k, uid, &in.CommunityFundBP)
		if err != nil {
			return err
		}
		if err := v.Actions.Approve.Err(); err != nil {
			return err
		}
		note, err := market.CheckBasisNote(v.DistributionPolicy, in.Reason)
		if err != nil {
			return err
		}
		lines := make([]store.DistributionLineArgs, len(v.Lines))
		for i, l := range v.Lines {
			lines[i] = store.DistributionLineArgs{ResidentID: l.ResidentID, ResidentName: l.Name, Pieces: l.Pieces, Amount: l.Amount}
		}
		err = db.CreateDistribution(ctx, store.CreateDistributionArgs{ContractID: k.ID, WorkshopID: k.WorkshopID, Net: v.Net,
			CommunityFundBp: int32(v.CommunityFundBP), CommunityFund: v.CommunityFund, Distributed: v.Distributed,
			TotalPieces: v.TotalPieces, ApprovedBy: &uid, BasisNote: note}, lines)
		if err != nil {
			return err
		}
		return db.SetWorkshopFundBP(ctx, k.WorkshopID, in.CommunityFundBP)
	})
	if err != nil {
		return DistributionView{}, err
	}
	return s.Distribution(ctx, a, contractID, nil)
}

// Payment is how a resident was paid.
type Payment struct {
	Method    string `json:"method"` // cash, wechat or bank
	Reference string `json:"reference"`
}

// MarkPaid records that a resident received their part; once only.
func (s *Service) MarkPaid(ctx context.Context, a *market.Actor, lineID uuid.UUID, in Payment) (DistributionView, error) {
	ref, err := market.CheckPayment(in.Method, in.Reference)
	if err != nil {
		return DistributionView{}, err
	}
	uid, err := caller(a)
	if err != nil {
		return DistributionView{}, err
	}
	var contractID uuid.UUID
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		var paidAt *time.Time
		contractID, paidAt, err = db.LockLine(ctx, lineID, uid)
		if err != nil {
			return err
		}
		k, _, err := s.opsContract(ctx, db, a, contractID)
		if err != nil {
			return err
		}
		if paidAt != nil {
			return market.E(market.CodeState, "这一笔已经标记为已支付", "this part is already marked paid")
		}
		v, err := s.distribution(ctx, db, k, uid, nil)
		if err != nil {
			return err
		}
		if err := v.Actions.MarkPaid.Err(); err != nil {
			return err
		}
		return db.MarkLinePaid(ctx, lineID, uid, in.Method, ref)
	})
	if err != nil {
		return DistributionView{}, err
	}
	return s.Distribution(ctx, a, contractID, nil)
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
