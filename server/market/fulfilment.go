package market

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Fulfilment rules (DESIGN.md "Lifecycle"): materials go out and come in,
// finished pieces are delivered in batches and inspected, and every
// rejected piece carries a reason and a photo — the deposit scam depends
// on rejections nobody can check.

const (
	MaxPhotos          = 10
	DefaultDisputeDays = 7
)

// DispatchInput is a company's shipment of materials.
type DispatchInput struct {
	Quantity    int64  `json:"quantity"` // pieces' worth of material
	Method      string `json:"method"`   // carrier, pickup or company_delivery (the company's own vehicle)
	Carrier     string `json:"carrier"`
	TrackingNo  string `json:"tracking_no"`
	Driver      string `json:"driver"`       // company_delivery: who brings it
	DriverPhone string `json:"driver_phone"` // and how to reach them
	Note        string `json:"note"`
}

// DispatchMethods are the ways material travels.
var DispatchMethods = []string{"carrier", "pickup", "company_delivery"}

// CheckDispatch refuses a shipment beyond what the contract needs (its
// quantity plus the allowed loss: ContractLimits.Dispatchable) or one
// without a way to follow it.
func CheckDispatch(in *DispatchInput, l ContractLimits) error {
	var v Validator
	in.Carrier, in.TrackingNo, in.Note = strings.TrimSpace(in.Carrier), strings.TrimSpace(in.TrackingNo), strings.TrimSpace(in.Note)
	limit := l.Dispatchable
	v.Check(in.Quantity >= 1 && in.Quantity <= limit, "quantity",
		"物料数量需在1到"+i64toa(max(limit, 0))+"件之间（合同数量加允许损耗，减去已发出）",
		"quantity must be between 1 and "+i64toa(max(limit, 0))+" (the contract quantity plus allowed loss, less what was sent)")
	v.Check(slices.Contains(DispatchMethods, in.Method), "method", "请选择物流发货、上门自提或企业送货上门",
		"method must be carrier, pickup or company_delivery")
	switch in.Method {
	case "carrier":
		v.Check(in.Carrier != "" && utf8.RuneCountInString(in.Carrier) <= 50, "carrier", "请填写物流公司", "enter the carrier")
		v.Check(in.TrackingNo != "" && len(in.TrackingNo) <= 50, "tracking_no", "请填写运单号", "enter the tracking number")
	case "company_delivery":
		in.Driver, in.DriverPhone = strings.TrimSpace(in.Driver), strings.TrimSpace(in.DriverPhone)
		v.Check(in.Driver != "" && utf8.RuneCountInString(in.Driver) <= 30, "driver", "请填写送货人姓名", "enter who delivers it")
		v.Check(ValidPhone(in.DriverPhone), "driver_phone", "请填写送货人的手机或电话号码",
			"enter the driver's mobile or phone number")
	}
	if in.Method != "carrier" {
		in.Carrier, in.TrackingNo = "", ""
	}
	if in.Method != "company_delivery" {
		in.Driver, in.DriverPhone = "", ""
	}
	v.Check(utf8.RuneCountInString(in.Note) <= 500, "note", "备注最多500字", "note must be at most 500 characters")
	return v.Err()
}

// DispatchHow says how a shipment travels, for the workshop's notice.
func DispatchHow(in DispatchInput) Msg {
	switch in.Method {
	case "pickup":
		return Msg{ZH: "上门自提：请到交接地点领取", EN: "pickup: collect it at the hand-over point"}
	case "company_delivery":
		return Msg{ZH: "企业送货上门，司机 " + in.Driver + "，电话 " + in.DriverPhone, EN: "the company delivers: driver " + in.Driver + ", phone " + in.DriverPhone}
	}
	return Msg{ZH: in.Carrier + "，运单号 " + in.TrackingNo, EN: in.Carrier + ", tracking number " + in.TrackingNo}
}

// ReceiptInput is the workshop's count of a shipment as it arrived.
type ReceiptInput struct {
	Quantity int64    `json:"quantity"`
	Note     string   `json:"note"`
	PhotoIDs []string `json:"photo_ids"`
}

// CheckReceipt: what arrived is between none and what was sent; a shortfall
// is explained.
func CheckReceipt(in *ReceiptInput, sent int64) error {
	var v Validator
	in.Note = strings.TrimSpace(in.Note)
	v.Check(in.Quantity >= 0 && in.Quantity <= sent, "quantity", "收到数量需在0到"+i64toa(sent)+"之间",
		"the quantity received must be between 0 and "+i64toa(sent))
	v.Check(in.Quantity >= sent || utf8.RuneCountInString(in.Note) >= 2, "note", "短少时请说明情况", "explain the shortfall")
	v.Check(utf8.RuneCountInString(in.Note) <= 500, "note", "说明最多500字", "note must be at most 500 characters")
	checkPhotos(&v, "photo_ids", in.PhotoIDs, false)
	return v.Err()
}

// CheckReturn: unused material returned cannot exceed what arrived and was
// not made into pieces (ContractLimits.Returnable).
func CheckReturn(quantity int64, l ContractLimits) error {
	left := l.Returnable
	if quantity < 1 || quantity > left {
		return FieldError("quantity", "退回数量需在1到"+i64toa(max(left, 0))+"之间（收到减已交付、已退回）",
			"quantity must be between 1 and "+i64toa(max(left, 0))+" (received less delivered and already returned)")
	}
	return nil
}

// DeliveryInput is a batch of finished pieces.
type DeliveryInput struct {
	Quantity int64    `json:"quantity"`
	Note     string   `json:"note"`
	PhotoIDs []string `json:"photo_ids"`
	ReworkOf string   `json:"rework_of"` // the delivery whose rework units these are, if any
}

// CheckDelivery: new pieces never exceed what the contract and the
// material received allow (ContractLimits.Deliverable); reworked pieces
// never exceed what was sent back for rework (reworkLeft, of the delivery
// named by in.ReworkOf).
func CheckDelivery(in *DeliveryInput, l ContractLimits, reworkLeft int64) error {
	var v Validator
	in.Note = strings.TrimSpace(in.Note)
	if in.ReworkOf != "" {
		v.Check(in.Quantity >= 1 && in.Quantity <= reworkLeft, "quantity", "返工交付数量需在1到"+i64toa(reworkLeft)+"之间",
			"a rework delivery must be between 1 and "+i64toa(reworkLeft))
	} else {
		limit := l.Deliverable
		v.Check(in.Quantity >= 1 && in.Quantity <= limit, "quantity", "交付数量需在1到"+i64toa(max(limit, 0))+"之间（不超过合同剩余数量和已收物料）",
			"quantity must be between 1 and "+i64toa(max(limit, 0))+" (what the contract and the material received allow)")
	}
	v.Check(utf8.RuneCountInString(in.Note) <= 500, "note", "说明最多500字", "note must be at most 500 characters")
	checkPhotos(&v, "photo_ids", in.PhotoIDs, false)
	return v.Err()
}

// RejectionInput is one reason for rejecting pieces, with its evidence.
type RejectionInput struct {
	Reason   string   `json:"reason"`
	Quantity int64    `json:"quantity"`
	PhotoIDs []string `json:"photo_ids"`
}

// InspectionInput is the company's inspection of a delivery.
type InspectionInput struct {
	Accepted int64            `json:"accepted"`
	Rejected []RejectionInput `json:"rejected"`
	Rework   int64            `json:"rework"`
}

// CheckInspection: accepted + rejected + rework = delivered; every rejected
// piece has a reason and at least one photo; rework only while the
// contract allows another round. It returns the rejected total.
func CheckInspection(in *InspectionInput, delivered int64, reworkAllowed bool) (int64, error) {
	var v Validator
	v.Check(in.Accepted >= 0, "accepted", "合格数量不能为负", "accepted cannot be negative")
	v.Check(in.Rework >= 0, "rework", "返工数量不能为负", "rework cannot be negative")
	v.Check(in.Rework == 0 || reworkAllowed, "rework", "合同不允许（或已用完）返工次数", "the contract allows no (more) rework rounds")
	var rejected int64
	for i, r := range in.Rejected {
		f := "rejected[" + strconv.Itoa(i) + "]"
		in.Rejected[i].Reason = strings.TrimSpace(r.Reason)
		n := utf8.RuneCountInString(in.Rejected[i].Reason)
		v.Check(n >= 2 && n <= 200, f+".reason", "每项不合格都要写明原因", "every rejection needs a reason")
		v.Check(r.Quantity >= 1, f+".quantity", "不合格数量至少为1", "the quantity must be at least 1")
		checkPhotos(&v, f+".photo_ids", r.PhotoIDs, true)
		if r.Quantity > 0 {
			rejected += r.Quantity
		}
	}
	v.Check(len(in.Rejected) <= 20, "rejected", "不合格原因最多20项", "at most 20 rejection reasons")
	if !v.Has("accepted") && !v.Has("rework") {
		v.Check(in.Accepted+rejected+in.Rework == delivered, "accepted",
			"合格、不合格、返工数量之和应等于交付的"+i64toa(delivered)+"件",
			"accepted, rejected and rework must add up to the "+i64toa(delivered)+" delivered")
	}
	return rejected, v.Err()
}

func checkPhotos(v *Validator, field string, ids []string, required bool) {
	v.Check(!required || len(ids) >= 1, field, "不合格须附至少一张照片", "at least one photo is required")
	v.Check(len(ids) <= MaxPhotos, field, "照片最多"+strconv.Itoa(MaxPhotos)+"张", "at most "+strconv.Itoa(MaxPhotos)+" photos")
	for _, id := range ids {
		if _, err := uuid.Parse(id); err != nil {
			v.Check(false, field, "照片编号无效", "a photo id is not valid")
			return
		}
	}
}

// DisputeInput is the workshop's challenge of an inspection.
type DisputeInput struct {
	Statement string   `json:"statement"`
	PhotoIDs  []string `json:"photo_ids"`
}

// CheckDispute: a dispute carries a statement and may carry photos (whether
// the delivery may be disputed at all is DeliveryPolicyFor's Dispute).
func CheckDispute(in *DisputeInput) error {
	in.Statement = strings.TrimSpace(in.Statement)
	var v Validator
	n := utf8.RuneCountInString(in.Statement)
	v.Check(n >= 10 && n <= 2000, "statement", "请写明申诉理由（10–2000字）", "write your statement (10–2000 characters)")
	checkPhotos(&v, "photo_ids", in.PhotoIDs, false)
	return v.Err()
}

// CheckResolution: staff accept between none and all of the disputed units.
func CheckResolution(accepted, units int64, note string) (string, error) {
	note = strings.TrimSpace(note)
	var v Validator
	v.Check(accepted >= 0 && accepted <= units, "accepted", "认定合格数量需在0到"+i64toa(units)+"之间",
		"accepted must be between 0 and "+i64toa(units))
	n := utf8.RuneCountInString(note)
	v.Check(n >= 2 && n <= 2000, "note", "请写明裁决理由", "write the reasons for the decision")
	return note, v.Err()
}

// CheckText bounds a message or comment body.
func CheckText(field, s string, maxRunes int) (string, error) {
	s = strings.TrimSpace(s)
	n := utf8.RuneCountInString(s)
	if n < 1 || n > maxRunes {
		return s, FieldError(field, "内容需在1到"+strconv.Itoa(maxRunes)+"字之间", "must be 1 to "+strconv.Itoa(maxRunes)+" characters")
	}
	return s, nil
}

// DecisionMoney is what a dispute decision does to the money: the pieces
// staff accept are paid out now, less commission; the rest stays in escrow
// for the company's refund at settlement.
type DecisionMoney struct {
	Accepted   int64 `json:"accepted"`
	Gross      int64 `json:"gross"`
	Commission int64 `json:"commission"`
	Net        int64 `json:"net"`    // to the workshop
	Refund     int64 `json:"refund"` // stays for the company
}

// DisputeDecisionMoney prices accepting accepted of a dispute's units at the
// contract's frozen price and commission.
func DisputeDecisionMoney(accepted, units, unitPrice int64, commissionBP int) (DecisionMoney, error) {
	if _, err := CheckResolution(accepted, units, "--"); err != nil {
		return DecisionMoney{}, err
	}
	gross, err := MulChecked(accepted, unitPrice)
	if err != nil {
		return DecisionMoney{}, err
	}
	refund, err := MulChecked(units-accepted, unitPrice)
	if err != nil {
		return DecisionMoney{}, err
	}
	c, net, err := Commission(gross, commissionBP)
	return DecisionMoney{Accepted: accepted, Gross: gross, Commission: c, Net: net, Refund: refund}, err
}
