package workshopops

import (
	"context"
	"strings"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/store"
)

// ResidentView is a roster entry as its workshop's coordinators see it. In
// lists the phone is masked; reading one resident shows it whole.
type ResidentView struct {
	ID       uuid.UUID           `json:"id"`
	Name     string              `json:"name"`
	Phone    string              `json:"phone"`
	Crafts   []string            `json:"crafts"`
	JoinedOn string              `json:"joined_on"`
	Active   bool                `json:"active"`
	Tags     []market.TagConsent `json:"tags"`
}

func residentView(r market.Resident, masked bool) ResidentView {
	phone := r.Phone
	if masked {
		phone = market.MaskPhone(phone)
	}
	crafts := r.Crafts
	if crafts == nil {
		crafts = []string{}
	}
	return ResidentView{ID: r.ID, Name: r.Name, Phone: phone, Crafts: crafts, JoinedOn: r.JoinedOn.Format(market.DateLayout),
		Active: r.Active, Tags: r.Tags}
}

// ResidentQuery filters the roster.
type ResidentQuery struct {
	market.PageQuery
	Q      string `query:"q"`
	Active string `query:"active"` // "", "true" or "false"
}

// ListResidents is a page of the workshop's roster, phones masked.
func (s *Service) ListResidents(ctx context.Context, a *market.Actor, workshopID uuid.UUID, q ResidentQuery) (market.Page[ResidentView], error) {
	uid, err := s.member(ctx, a, workshopID)
	if err != nil {
		return market.Page[ResidentView]{}, err
	}
	lim, off, err := q.Limits()
	var active *bool
	switch q.Active {
	case "":
	case "true", "false":
		v := q.Active == "true"
		active = &v
	default:
		err = market.MergeInvalid(err, market.FieldError("active", "应为 true 或 false", "must be true or false"))
	}
	if err != nil {
		return market.Page[ResidentView]{}, err
	}
	f := store.ResidentFilter{WorkshopID: workshopID, CallerID: uid, Active: active, Lim: lim, Off: off}
	if t := strings.TrimSpace(q.Q); t != "" {
		t = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(t)
		f.Q = &t
	}
	rows, total, err := s.Store.DB().ListResidents(ctx, f)
	page := market.NewPage(q.PageQuery, total, make([]ResidentView, 0, len(rows)))
	for _, r := range rows {
		page.Items = append(page.Items, residentView(r, true))
	}
	return page, err
}

// GetResident reads one resident, phone in full.
func (s *Service) GetResident(ctx context.Context, a *market.Actor, id uuid.UUID) (ResidentView, error) {
	uid, err := caller(a)
	if err != nil {
		return ResidentView{}, err
	}
	r, err := s.Store.DB().Resident(ctx, id, uid)
	if err != nil {
		return ResidentView{}, err
	}
	if r.WorkshopID != a.OrgID {
		return ResidentView{}, market.ErrNotFound
	}
	return residentView(r, false), nil
}

// CreateResident adds a resident to the workshop's roster.
func (s *Service) CreateResident(ctx context.Context, a *market.Actor, workshopID uuid.UUID, in market.ResidentInput) (ResidentView, error) {
	uid, err := s.member(ctx, a, workshopID)
	if err != nil {
		return ResidentView{}, err
	}
	r, tags, err := market.ApplyResidentInput(market.Resident{WorkshopID: workshopID}, in, true, s.Now())
	if err != nil {
		return ResidentView{}, err
	}
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		r.ID, err = db.CreateResident(ctx, uid, r)
		if err != nil {
			return phoneTaken(err)
		}
		if tags != nil {
			return db.SetResidentTags(ctx, uid, r.ID, tags)
		}
		return nil
	})
	if err != nil {
		return ResidentView{}, err
	}
	return s.GetResident(ctx, a, r.ID)
}

// UpdateResident edits a resident (partial: absent fields stay).
func (s *Service) UpdateResident(ctx context.Context, a *market.Actor, id uuid.UUID, in market.ResidentInput) (ResidentView, error) {
	uid, err := caller(a)
	if err != nil {
		return ResidentView{}, err
	}
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		if err := db.LockResident(ctx, id, uid); err != nil {
			return err
		}
		r, err := db.Resident(ctx, id, uid)
		if err != nil {
			return err
		}
		if r.WorkshopID != a.OrgID {
			return market.ErrNotFound
		}
		r, tags, err := market.ApplyResidentInput(r, in, false, s.Now())
		if err != nil {
			return err
		}
		if err := db.UpdateResident(ctx, uid, r); err != nil {
			return phoneTaken(err)
		}
		if tags != nil {
			return db.SetResidentTags(ctx, uid, r.ID, tags)
		}
		return nil
	})
	if err != nil {
		return ResidentView{}, err
	}
	return s.GetResident(ctx, a, id)
}

func phoneTaken(err error) error {
	if store.IsUniqueViolation(err, "residents_phone_key") {
		return market.E(market.CodeConflict, "请检查填写的内容", "please check the highlighted fields").
			WithField("phone", "花名册里已有这个电话号码", "this phone number is already on the roster")
	}
	return err
}
