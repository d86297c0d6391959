package workshops

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
	CanApprove      bool               `json:"can_approve"`
	Blocker         *market.Msg        `json:"-"`
	BlockerText     string             `json:"blocker"` // why it cannot be approved yet, in the caller's language
}

// Distribution reads the approved distribution or computes the draft, with
// fundBP (nil: the workshop's remembered share) as the community fund share.
func (s *Service) Distribution(ctx context.Context, a *market.Actor, contractID uuid.UUID, fundBP *int, lang string) (DistributionView, error) {
	db := s.Store.DB()
	k, uid, err := s.opsContract(ctx, db, a, contractID)
	if err != nil {
		return DistributionView{}, err
	}
	v, err := s.distribution(ctx, db, k, uid, fundBP)
	if v.Blocker != nil {
		v.BlockerText = v.Blocker.In(lang)
	}
	return v, err
}

func (s *Service) distribution(ctx context.Context, db *store.DB, k store.OpsContract, uid uuid.UUID, fundBP *int) (DistributionView, error) {
	row, lines, approved, err := db.Distribution(ctx, k.ID, uid)
	if err != nil {
		return DistributionView{}, err
	}
	if approved {
		v := DistributionView{Contract: brief(k), Status: DistApproved, Net: row.Net, CommunityFundBP: int(row.CommunityFundBp),
			CommunityFund: row.CommunityFund, Distributed: row.Distributed, TotalPieces: row.TotalPieces,
			ApprovedAt: &row.ApprovedAt, ApprovedBy: row.ApprovedByName, Lines: make([]DistributionLine, 0, len(lines))}
		for _, l := range lines {
			id := l.ID
			v.Lines = append(v.Lines, DistributionLine{ID: &id, ResidentID: l.ResidentID, Name: l.ResidentName, Pieces: l.Pieces,
				Amount: l.Amount, PaidAt: l.PaidAt, PaidMethod: deref(l.PaidMethod), PaidReference: l.PaidReference, PaidBy: l.PaidByName})
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
	net, err := releasedNet(ctx, db, k)
	if err != nil {
		return DistributionView{}, err
	}
	rows, err := db.ContractSheet(ctx, k.ID, uid)
	if err != nil {
		return DistributionView{}, err
	}
	v := DistributionView{Contract: brief(k), Status: DistDraft, Net: net, CommunityFundBP: bp, Lines: []DistributionLine{}}
	var shares []market.PieceShare
	for _, r := range rows {
		if r.Pieces > 0 {
			shares = append(shares, market.PieceShare{Key: r.ID.String(), Pieces: r.Pieces})
			v.Lines = append(v.Lines, DistributionLine{ResidentID: r.ID, Name: r.Name, Pieces: r.Pieces})
		}
	}
	switch {
	case net == 0:
		v.Status = DistNotReleased
		v.Blocker = &market.Msg{ZH: "这份合同的加工费还没有发放到工坊", EN: "no money has been released to the workshop for this contract yet"}
	case len(shares) == 0:
		v.Blocker = &market.Msg{ZH: "还没有记录合格件数", EN: "no accepted pieces are recorded yet"}
	case market.ContractStatus(k.Status) != market.ContractSettled:
		// Releases and dispute decisions can still change the net until settlement.
		v.Blocker = &market.Msg{ZH: "合同结算后才能确认分配（在此之前金额可能还会变化）",
			EN: "the distribution can be approved once the contract is settled (until then the amount can still change)"}
	}
	if len(shares) == 0 {
		return v, nil
	}
	d, err := market.Distribute(net, bp, shares)
	if err != nil {
		return DistributionView{}, err
	}
	v.CommunityFund, v.Distributed, v.TotalPieces = d.CommunityFund, d.Distributed, d.TotalPieces
	for i := range v.Lines {
		v.Lines[i].Amount = d.Amounts[v.Lines[i].ResidentID.String()]
	}
	v.CanApprove = v.Blocker == nil
	return v, nil
}

// Approval is what the coordinator approves: the fund share they reviewed.
type Approval struct {
	CommunityFundBP int `json:"community_fund_bp"`
}

// Approve freezes the distribution (and the piece records with it) and
// remembers the fund share for the workshop's next one.
func (s *Service) Approve(ctx context.Context, a *market.Actor, contractID uuid.UUID, in Approval, lang string) (DistributionView, error) {
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
		if !v.CanApprove {
			return market.E(market.CodeState, v.Blocker.ZH, v.Blocker.EN)
		}
		lines := make([]store.DistributionLineArgs, len(v.Lines))
		for i, l := range v.Lines {
			lines[i] = store.DistributionLineArgs{ResidentID: l.ResidentID, ResidentName: l.Name, Pieces: l.Pieces, Amount: l.Amount}
		}
		err = db.CreateDistribution(ctx, store.CreateDistributionArgs{ContractID: k.ID, WorkshopID: k.WorkshopID, Net: v.Net,
			CommunityFundBp: int32(v.CommunityFundBP), CommunityFund: v.CommunityFund, Distributed: v.Distributed,
			TotalPieces: v.TotalPieces, ApprovedBy: &uid}, lines)
		if err != nil {
			return err
		}
		return db.SetWorkshopFundBP(ctx, k.WorkshopID, in.CommunityFundBP)
	})
	if err != nil {
		return DistributionView{}, err
	}
	return s.Distribution(ctx, a, contractID, nil, lang)
}

// Payment is how a resident was paid.
type Payment struct {
	Method    string `json:"method"` // cash, wechat or bank
	Reference string `json:"reference"`
}

// MarkPaid records that a resident received their part; once only.
func (s *Service) MarkPaid(ctx context.Context, a *market.Actor, lineID uuid.UUID, in Payment, lang string) (DistributionView, error) {
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
		if _, _, err := s.opsContract(ctx, db, a, contractID); err != nil {
			return err
		}
		if paidAt != nil {
			return market.E(market.CodeState, "这一笔已经标记为已支付", "this part is already marked paid")
		}
		return db.MarkLinePaid(ctx, lineID, uid, in.Method, ref)
	})
	if err != nil {
		return DistributionView{}, err
	}
	return s.Distribution(ctx, a, contractID, nil, lang)
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
