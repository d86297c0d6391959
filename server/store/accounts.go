package store

import (
	"context"
	"encoding/json"

	"github.com/google/uuid"

	"doorstep/server/events"
	"doorstep/server/market"
	"doorstep/server/store/dbq"
)

// OrgFromRow converts a database row into the domain type.
func OrgFromRow(r dbq.Org) market.Org {
	return market.Org{
		ID: r.ID, Kind: r.Kind, Name: r.Name, RegionCode: r.RegionCode, Address: r.Address,
		VerifiedAt: r.VerifiedAt, CommunityGuarantee: r.CommunityGuarantee, CreatedAt: r.CreatedAt,
		CreditCode: deref(r.CreditCode), ContactName: deref(r.ContactName), ContactPhone: deref(r.ContactPhone),
		Host: deref(r.Host), Lat: deref(r.Lat), Lng: deref(r.Lng), Crafts: r.Crafts,
		Headcount: int(deref(r.Headcount)), WeeklyCapacity: int(deref(r.WeeklyCapacity)),
	}
}

func orgsFromRows(rows []dbq.Org) []market.Org {
	out := make([]market.Org, len(rows))
	for i, r := range rows {
		out[i] = OrgFromRow(r)
	}
	return out
}

// UserFromRow converts a database row into the domain type (without the password hash).
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

// Org reads an organisation, or market.ErrNotFound.
func (d *DB) Org(ctx context.Context, id uuid.UUID) (market.Org, error) {
	return orgOrNotFound(d.q.OrgByID(ctx, id))
}

// LockOrg reads an organisation and locks its row until the transaction ends.
func (d *DB) LockOrg(ctx context.Context, id uuid.UUID) (market.Org, error) {
	return orgOrNotFound(d.q.OrgByIDForUpdate(ctx, id))
}

func orgOrNotFound(r dbq.Org, err error) (market.Org, error) {
	if IsNoRows(err) {
		return market.Org{}, market.ErrNotFound
	}
	return OrgFromRow(r), err
}

// changedOrg records that an organisation's public face changed.
func (d *DB) changedOrg(o market.Org, err error) (market.Org, error) {
	if err != nil {
		return o, err
	}
	return o, d.Emit(events.OrgChanged{OrgID: o.ID, Workshop: o.Kind == market.KindWorkshop})
}

// CreateOrg inserts an organisation. A duplicate credit code is a unique
// violation on orgs_credit_code_key.
func (d *DB) CreateOrg(ctx context.Context, o market.Org) (market.Org, error) {
	cc, cn, cp, host, lat, lng, hc, wc := orgColumns(o)
	r, err := d.q.CreateOrg(ctx, dbq.CreateOrgParams{
		Kind: o.Kind, Name: o.Name, RegionCode: o.RegionCode, Address: o.Address,
		CreditCode: cc, ContactName: cn, ContactPhone: cp, Host: host, Lat: lat, Lng: lng,
		Crafts: nonNil(o.Crafts), Headcount: hc, WeeklyCapacity: wc,
	})
	return d.changedOrg(OrgFromRow(r), err)
}

// UpdateOrg saves an edited organisation.
func (d *DB) UpdateOrg(ctx context.Context, o market.Org) (market.Org, error) {
	_, cn, cp, host, lat, lng, hc, wc := orgColumns(o)
	r, err := d.q.UpdateOrg(ctx, dbq.UpdateOrgParams{
		ID: o.ID, Name: o.Name, RegionCode: o.RegionCode, Address: o.Address, ContactName: cn, ContactPhone: cp,
		Host: host, Lat: lat, Lng: lng, Crafts: nonNil(o.Crafts), Headcount: hc, WeeklyCapacity: wc,
	})
	return d.changedOrg(OrgFromRow(r), err)
}

// SetOrgVerified sets or clears the verified badge.
func (d *DB) SetOrgVerified(ctx context.Context, id uuid.UUID, verified bool) (market.Org, error) {
	r, err := d.q.SetOrgVerified(ctx, dbq.SetOrgVerifiedParams{ID: id, Verified: verified})
	return d.changedOrg(OrgFromRow(r), err)
}

// SetOrgGuarantee sets or clears a workshop's community guarantee.
func (d *DB) SetOrgGuarantee(ctx context.Context, id uuid.UUID, guarantee bool) (market.Org, error) {
	r, err := d.q.SetOrgGuarantee(ctx, dbq.SetOrgGuaranteeParams{ID: id, CommunityGuarantee: guarantee})
	return d.changedOrg(OrgFromRow(r), err)
}

// ListOrgs lists organisations for staff.
func (d *DB) ListOrgs(ctx context.Context, p ListOrgsParams) ([]market.Org, error) {
	rows, err := d.q.ListOrgs(ctx, p)
	return orgsFromRows(rows), err
}

// AllWorkshops reads every workshop (index rebuilds).
func (d *DB) AllWorkshops(ctx context.Context) ([]market.Org, error) {
	rows, err := d.q.AllWorkshops(ctx)
	return orgsFromRows(rows), err
}

type ListOrgsParams = dbq.ListOrgsParams

// Audit is one staff action to record.
type Audit struct {
	Actor              market.User
	Action, TargetType string
	TargetID           string
	Before, After      any
	Note               string
}

// InsertAudit writes an audit row, in the transaction of the action it records.
func (d *DB) InsertAudit(ctx context.Context, a Audit) error {
	before, err := json.Marshal(a.Before)
	if err != nil {
		return err
	}
	after, err := json.Marshal(a.After)
	if err != nil {
		return err
	}
	id := a.Actor.ID
	return d.q.InsertAudit(ctx, dbq.InsertAuditParams{
		ActorID: &id, ActorEmail: a.Actor.Email, Action: a.Action, TargetType: a.TargetType,
		TargetID: a.TargetID, Before: before, After: after, Note: a.Note,
	})
}

// ActorBySession resolves a session token hash; nil when absent or expired.
func (d *DB) ActorBySession(ctx context.Context, hash []byte) (*market.Actor, error) {
	r, err := d.q.SessionActor(ctx, hash)
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

// Notification is one in-app message to every member of an organisation,
// already rendered in both languages (server/notify writes the text).
type Notification struct {
	OrgID                            uuid.UUID
	Kind                             string
	TitleZH, TitleEN, BodyZH, BodyEN string
	Link                             string

	id uuid.UUID // given when kept for the transaction's one insert
}

// InsertNotification records a notification and returns its id. Inside a
// transaction the row is kept and written with the transaction's other
// notifications in one statement before it commits (Store.Tx); outside
// one it is written at once.
func (d *DB) InsertNotification(ctx context.Context, n Notification) (uuid.UUID, error) {
	if d.tx == nil {
		return d.q.CreateNotification(ctx, dbq.CreateNotificationParams{OrgID: n.OrgID, Kind: n.Kind, TitleZh: n.TitleZH,
			TitleEn: n.TitleEN, BodyZh: n.BodyZH, BodyEn: n.BodyEN, Link: n.Link})
	}
	id, err := uuid.NewRandom()
	if err != nil {
		return uuid.Nil, err
	}
	n.id = id
	d.notices = append(d.notices, n)
	return id, nil
}

// flushNotifications writes the notifications kept by InsertNotification.
func (d *DB) flushNotifications(ctx context.Context) error {
	if len(d.notices) == 0 {
		return nil
	}
	p := dbq.InsertNotificationsParams{}
	for _, n := range d.notices {
		p.Ids, p.OrgIds, p.Kinds = append(p.Ids, n.id), append(p.OrgIds, n.OrgID), append(p.Kinds, n.Kind)
		p.TitlesZh, p.TitlesEn = append(p.TitlesZh, n.TitleZH), append(p.TitlesEn, n.TitleEN)
		p.BodiesZh, p.BodiesEn, p.Links = append(p.BodiesZh, n.BodyZH), append(p.BodiesEn, n.BodyEN), append(p.Links, n.Link)
	}
	d.notices = nil
	return d.q.InsertNotifications(ctx, p)
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
