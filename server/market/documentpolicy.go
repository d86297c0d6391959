package market

import (
	"strconv"

	"github.com/google/uuid"
)

// An organisation's documents are the papers staff check before they
// verify it: its business licence (营业执照) and, for a workshop, the
// letter in which its community vouches for it (社区担保函). They are
// uploaded photos attached to the organisation; they hold names, seals and
// registration numbers, so only the organisation itself and the staff who
// verify (moderators, admins) ever see them — not finance staff, and not
// other organisations, for whom they do not exist (404).

// DocumentKind is one kind of organisation document.
type DocumentKind string

const (
	DocBusinessLicence DocumentKind = "business_licence" // 营业执照
	DocGuaranteeLetter DocumentKind = "guarantee_letter" // 社区担保函 (workshops)
)

// DocumentKinds lists every kind, for the OpenAPI enum.
var DocumentKinds = []DocumentKind{DocBusinessLicence, DocGuaranteeLetter}

// MaxDocumentPages is how many photos one document may have (a licence's
// two sides, a letter of several pages).
const MaxDocumentPages = 4

// DocumentKindsFor are the documents an organisation of this kind keeps:
// every organisation its licence, a workshop also its community's letter.
func DocumentKindsFor(orgKind string) []DocumentKind {
	if orgKind == KindWorkshop {
		return []DocumentKind{DocBusinessLicence, DocGuaranteeLetter}
	}
	return []DocumentKind{DocBusinessLicence}
}

// CheckDocumentKind: the kind exists and this organisation keeps it.
func CheckDocumentKind(orgKind string, kind DocumentKind) error {
	for _, k := range DocumentKindsFor(orgKind) {
		if k == kind {
			return nil
		}
	}
	if kind == DocGuaranteeLetter {
		return FieldError("kind", "只有社区工坊需要上传社区担保函", "only community workshops keep a community letter of guarantee")
	}
	return FieldError("kind", "证照类型应为营业执照或社区担保函", "kind must be business_licence or guarantee_letter")
}

// CheckDocumentPhotos: at most MaxDocumentPages photo ids, each an id.
func CheckDocumentPhotos(ids []string) error {
	var v Validator
	v.Check(len(ids) <= MaxDocumentPages, "photo_ids", "每份证照最多"+strconv.Itoa(MaxDocumentPages)+"张照片",
		"at most "+strconv.Itoa(MaxDocumentPages)+" photos per document")
	for _, id := range ids {
		if _, err := uuid.Parse(id); err != nil {
			v.Check(false, "photo_ids", "照片编号无效", "a photo id is not valid")
			break
		}
	}
	return v.Err()
}

// DocumentsCan is what the caller may do with an organisation's documents.
type DocumentsCan struct {
	Upload Permission `json:"upload"` // add, replace or remove a document's photos
}

// DocumentsPolicy is the answer for one actor and one organisation's documents.
type DocumentsPolicy struct {
	Role    Role         `json:"role"`
	Actions DocumentsCan `json:"actions"`
}

// VisibleErr is nil when the actor may see the documents, else not found.
func (p DocumentsPolicy) VisibleErr() error {
	if !p.Role.Visible() {
		return ErrNotFound
	}
	return nil
}

var (
	denyDocumentsOwnerOnly = Deny(CodeForbidden, "只有机构负责人可以上传或更换证照", "only an owner of the organisation can upload or replace its documents")
	denyDocumentsStaff     = Deny(CodeForbidden, "证照由机构自己上传，平台人员只能查看", "the organisation uploads its own documents; staff only look at them")
)

// DocumentsPolicyFor decides who sees an organisation's documents and who
// may change them: its members see them and its owners upload them;
// moderators and admins see them to verify; nobody else sees them.
func DocumentsPolicyFor(a *Actor, orgID uuid.UUID) DocumentsPolicy {
	switch r := staffRole(a); {
	case a == nil:
	case r.Moderates():
		return DocumentsPolicy{Role: r, Actions: DocumentsCan{Upload: denyDocumentsStaff}}
	case r != RoleNone: // finance staff have no business with them
	case a.OrgID != uuid.Nil && a.OrgID == orgID:
		return DocumentsPolicy{Role: Role(a.OrgKind), Actions: DocumentsCan{Upload: when(a.OrgRole == RoleOwner, denyDocumentsOwnerOnly)}}
	}
	n := denyErr(ErrNotFound)
	return DocumentsPolicy{Actions: DocumentsCan{Upload: n}}
}
