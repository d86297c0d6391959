package market

import (
	"testing"

	"github.com/google/uuid"
)

// TestDocumentsPolicy: an organisation's documents are seen by its members
// and by moderators and admins, changed by its owners only; finance staff,
// other organisations and the public do not see them at all. Letters as in
// policy_test.go; the company's documents, its owner C, a member c.
func TestDocumentsPolicy(t *testing.T) {
	member := &Actor{User: User{ID: uuid.New()}, OrgID: companyID, OrgKind: KindCompany, OrgRole: RoleMember}
	for _, c := range []struct {
		who    string
		a      *Actor
		role   Role
		upload bool
	}{
		{"C", owner('C'), RoleCompany, true},
		{"c", member, RoleCompany, false},
		{"M", actorFor('M'), RoleModerator, false},
		{"A", actorFor('A'), RoleAdmin, false},
		{"F", actorFor('F'), RoleNone, false},
		{"W", owner('W'), RoleNone, false},
		{"S", actorFor('S'), RoleNone, false},
		{"N", nil, RoleNone, false},
	} {
		p := DocumentsPolicyFor(c.a, companyID)
		if p.Role != c.role || p.Actions.Upload.Allowed != c.upload || (!c.upload && p.Actions.Upload.Reason == nil) {
			t.Errorf("%s: %+v, want role %q upload %v", c.who, p, c.role, c.upload)
		}
		doc := UploadVisible(c.a, UploadFacts{UploaderOrg: &companyID, DocumentOf: &companyID})
		if doc != c.role.Visible() {
			t.Errorf("%s sees the document: %v", c.who, doc)
		}
	}
	if CheckDocumentKind(KindCompany, DocGuaranteeLetter) == nil || CheckDocumentKind(KindWorkshop, DocGuaranteeLetter) != nil ||
		CheckDocumentKind(KindWorkshop, "passport") == nil {
		t.Error("document kinds")
	}
}

// TestUploadVisible: unattached, the uploader's organisation and staff; on
// a contract, its parties and staff; an order's sample photo, whoever sees
// the order (the public included).
func TestUploadVisible(t *testing.T) {
	party := &[2]uuid.UUID{companyID, workshopID}
	public, none := OrderPolicy{Role: RolePublic}, OrderPolicy{}
	for _, c := range []struct {
		name string
		f    UploadFacts
		sees string
	}{
		{"unattached", UploadFacts{UploaderOrg: &workshopID}, "WMFA"},
		{"on a contract", UploadFacts{UploaderOrg: &workshopID, Contract: party}, "CWMFA"},
		{"a published order's sample", UploadFacts{UploaderOrg: &companyID, Order: &public}, "CWMFASN"},
		{"a sample of an order not seen", UploadFacts{UploaderOrg: &companyID, Order: &none}, ""},
	} {
		for i := range len(letters) {
			got := UploadVisible(actorFor(letters[i]), c.f)
			if want := containsByte(c.sees, letters[i]); got != want {
				t.Errorf("%s, %c: %v, want %v", c.name, letters[i], got, want)
			}
		}
	}
}

func owner(letter byte) *Actor {
	a := actorFor(letter)
	a.OrgRole = RoleOwner
	return a
}

func containsByte(s string, b byte) bool {
	for i := range len(s) {
		if s[i] == b {
			return true
		}
	}
	return false
}
