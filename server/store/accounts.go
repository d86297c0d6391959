package store

import (
	"context"
	"encoding/json"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"doorstep/server/market"
	"doorstep/server/store/dbq"
)

// OrgFromRow converts a database row into the domain type.
func OrgFromRow(r dbq.Org) market.Org {
	o := market.Org{
		ID: r.ID, Kind: r.Kind, Name: r.Name, RegionCode: r.RegionCode, Address: r.Address,
		VerifiedAt: r.VerifiedAt, CommunityGuarantee: r.CommunityGuarantee, CreatedAt: r.CreatedAt,
		CreditCode: deref(r.CreditCode), ContactName: deref(r.ContactName), ContactPhone: deref(r.ContactPhone),
		Host: deref(r.Host), Lat: deref(r.Lat), Lng: deref(r.Lng), Crafts: r.Crafts,
		Headcount: int(deref(r.Headcount)), WeeklyCapacity: int(deref(r.WeeklyCapacity)),
	}
	return o
}

// UserFromRow converts a database row into the domain type.
func UserFromRow(r dbq.User) market.User {
	return market.User{ID: r.ID, Email: r.Email, Name: r.Name, Phone: r.Phone, StaffRole: deref(r.StaffRole), CreatedAt: r.CreatedAt}
}

// orgColumns maps the kind-specific fields to nullable columns.
func orgColumns(o market.Org) (creditCode, contactName, contactPhone, host *string, lat, lng *float64, headcount, capacity *int32) {
	if o.Kind == market.KindCompany {
		return &o.CreditCode, &o.ContactName, &o.ContactPhone, nil, nil, nil, nil, nil
	}
	h, c := int32(o.Headcount), int32(o.WeeklyCapacity)
	return nil, nil, nil, &o.Host, &o.Lat, &o.Lng, &h, &c
}

// CreateAccount creates a user, their organisation and the owner membership atomically.
func (s *Store) CreateAccount(ctx context.Context, u market.UserInput, passwordHash string, o market.Org) (market.User, market.Org, error) {
	var user market.User
	var org market.Org
	err := s.WithTx(ctx, func(tx pgx.Tx, q *dbq.Queries) error {
		ur, err := q.CreateUser(ctx, dbq.CreateUserParams{Email: u.Email, PasswordHash: passwordHash, Name: u.Name, Phone: u.Phone})
		if IsUniqueViolation(err, "users_email_key") {
			return market.E(market.CodeConflict, "该邮箱已注册", "this email is already registered").WithField("email", "该邮箱已注册，请直接登录", "already registered; sign in instead")
		}
		if err != nil {
			return err
		}
		cc, cn, cp, host, lat, lng, hc, wc := orgColumns(o)
		or, err := q.CreateOrg(ctx, dbq.CreateOrgParams{
			Kind: o.Kind, Name: o.Name, RegionCode: o.RegionCode, Address: o.Address,
			CreditCode: cc, ContactName: cn, ContactPhone: cp, Host: host, Lat: lat, Lng: lng,
			Crafts: nonNil(o.Crafts), Headcount: hc, WeeklyCapacity: wc,
		})
		if IsUniqueViolation(err, "orgs_credit_code_key") {
			return market.E(market.CodeConflict, "该统一社会信用代码已注册", "an organisation with this credit code exists").
				WithField("org.credit_code", "该代码已被其他企业注册；如有疑问请联系平台", "already registered; contact staff if this is wrong")
		}
		if err != nil {
			return err
		}
		if err := q.CreateMembership(ctx, dbq.CreateMembershipParams{UserID: ur.ID, OrgID: or.ID, Role: market.RoleOwner}); err != nil {
			return err
		}
		user, org = UserFromRow(ur), OrgFromRow(or)
		return s.WorkshopChanged(ctx, tx, org)
	})
	return user, org, err
}

// OrgHook runs inside every transaction that changes an organisation's
// public face; serve uses it to enqueue the workshop search sync job atomically.
type OrgHook func(ctx context.Context, tx pgx.Tx, orgID uuid.UUID) error

// WorkshopChanged calls the hook, if any, for a workshop (companies are not
// in the workshop index). Call it with the organisation as it now is, in the
// transaction that changed it.
func (s *Store) WorkshopChanged(ctx context.Context, tx pgx.Tx, o market.Org) error {
	if s.OnOrgChange == nil || o.Kind != market.KindWorkshop {
		return nil
	}
	return s.OnOrgChange(ctx, tx, o.ID)
}

// UpdateOrg saves an edited organisation (inside the caller's transaction).
func UpdateOrg(ctx context.Context, q *dbq.Queries, o market.Org) (market.Org, error) {
	_, cn, cp, host, lat, lng, hc, wc := orgColumns(o)
	r, err := q.UpdateOrg(ctx, dbq.UpdateOrgParams{
		ID: o.ID, Name: o.Name, RegionCode: o.RegionCode, Address: o.Address, ContactName: cn, ContactPhone: cp,
		Host: host, Lat: lat, Lng: lng, Crafts: nonNil(o.Crafts), Headcount: hc, WeeklyCapacity: wc,
	})
	return OrgFromRow(r), err
}

// GetOrg loads an organisation or returns market.ErrNotFound.
func (s *Store) GetOrg(ctx context.Context, id uuid.UUID) (market.Org, error) {
	r, err := s.Q.OrgByID(ctx, id)
	if IsNoRows(err) {
		return market.Org{}, market.ErrNotFound
	}
	return OrgFromRow(r), err
}

// Audit is one staff action to record.
type Audit struct {
	Actor              market.User
	Action, TargetType string
	TargetID           string
	Before, After      any
	Note               string
}

// InsertAudit writes an audit row inside the caller's transaction, so the
// action and its record commit together.
func InsertAudit(ctx context.Context, q *dbq.Queries, a Audit) error {
	before, err := json.Marshal(a.Before)
	if err != nil {
		return err
	}
	after, err := json.Marshal(a.After)
	if err != nil {
		return err
	}
	id := a.Actor.ID
	return q.InsertAudit(ctx, dbq.InsertAuditParams{
		ActorID: &id, ActorEmail: a.Actor.Email, Action: a.Action, TargetType: a.TargetType,
		TargetID: a.TargetID, Before: before, After: after, Note: a.Note,
	})
}

// ActorBySession resolves a session token hash; nil when absent or expired.
func (s *Store) ActorBySession(ctx context.Context, hash []byte) (*market.Actor, error) {
	r, err := s.Q.SessionActor(ctx, hash)
	if IsNoRows(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	a := &market.Actor{
		User:      market.User{ID: r.UserID, Email: r.Email, Name: r.Name, Phone: r.Phone, StaffRole: deref(r.StaffRole), CreatedAt: r.UserCreatedAt},
		OrgKind:   deref(r.OrgKind),
		OrgRole:   deref(r.OrgRole),
		SessionID: hash,
	}
	if r.OrgID != nil {
		a.OrgID = *r.OrgID
	}
	return a, nil
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
