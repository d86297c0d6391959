package market

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Material supply modes.
const (
	SupplyCompanyShips      = "company_ships"
	SupplyWorkshopPicksUp   = "workshop_picks_up"
	SupplyWorkshopSources   = "workshop_sources"
	MaxOrderQuantity        = 10_000_000
	MaxUnitPrice            = 100_000_000
	MaxMaterialValuePerUnit = 100_000_000
)

type MaterialTerms struct {
	Supply        string `json:"supply"`
	ValuePerUnit  int64  `json:"value_per_unit"`
	AllowedLossBP int    `json:"allowed_loss_bp"`
}

type QualityTerms struct {
	Criteria       string `json:"criteria" text:"multiline"`
	MaxDefectBP    int    `json:"max_defect_bp"`
	InspectionDays int    `json:"inspection_days"`
	ReworkRounds   int    `json:"rework_rounds"`
}

// Order is an outsourcing order (外发加工订单) with its terms.
type Order struct {
	ID, CompanyID     uuid.UUID
	Status            OrderStatus
	CloseReason       string
	StatusReason      Msg  // why it has its status: typed by staff or the company, or the server's own (Reason*)
	AutoSuspended     bool // suspended by reports (ActAutoSuspend), waiting for staff
	Title             string
	Description       string
	Craft             string
	Tags              []string
	Quantity          int64
	RemainingQuantity int64
	UnitPrice         int64
	Currency          string
	MinBidQuantity    int64
	BiddingDeadline   time.Time
	DeliveryDeadline  time.Time
	RegionCode        string
	Address           string
	Lat, Lng          float64
	MinutesPerPiece   int
	Materials         MaterialTerms
	Deposit           DepositTerms
	Quality           QualityTerms
	SamplePhotos      []string
	SubmittedAt       *time.Time
	PublishedAt       *time.Time
	CreatedAt         time.Time
	UpdatedAt         time.Time
}

// HasAcceptedBid: once any quantity is awarded the terms are frozen.
func (o Order) HasAcceptedBid() bool { return o.RemainingQuantity < o.Quantity }

// OrderInput is what a company sends; nil means "not given" (required on create, unchanged on edit).
type OrderInput struct {
	Title            *string        `json:"title"`
	Description      *string        `json:"description" text:"multiline"`
	Craft            *string        `json:"craft"`
	Tags             []string       `json:"tags"`
	Quantity         *int64         `json:"quantity"`
	UnitPrice        *int64         `json:"unit_price"`
	Currency         *string        `json:"currency"`
	MinBidQuantity   *int64         `json:"min_bid_quantity"`
	BiddingDeadline  *time.Time     `json:"bidding_deadline"`
	DeliveryDeadline *time.Time     `json:"delivery_deadline"`
	RegionCode       *string        `json:"region_code"`
	Address          *string        `json:"address"`
	Lat              *float64       `json:"lat"`
	Lng              *float64       `json:"lng"`
	MinutesPerPiece  *int           `json:"minutes_per_piece"`
	Materials        *MaterialTerms `json:"materials"`
	Deposit          *DepositTerms  `json:"deposit"`
	Quality          *QualityTerms  `json:"quality"`
	// Sample photo links stored before sample photos were uploads: an edit
	// may keep or drop the ones the order has, never add one.
	SamplePhotos []string `json:"sample_photos"`
	// The uploaded sample photos, the whole list when given: ones the order
	// has and the company's own fresh uploads.
	SamplePhotoIDs []string `json:"sample_photo_ids"`
}

// MaxSamplePhotos is how many sample photos (links and uploads) an order shows.
const MaxSamplePhotos = 9

// ApplyOrderInput merges in onto cur (a zero Order when creating) and
// validates the whole result, reporting every bad field at once.
func ApplyOrderInput(cur Order, in OrderInput, creating bool, now time.Time) (Order, error) {
	var v Validator
	o := cur
	text(&v, &o.Title, in.Title, "title", 4, 80, creating, "标题", "title")
	if in.Description != nil || creating {
		o.Description = strings.TrimSpace(deref(in.Description))
		v.Check(utf8.RuneCountInString(o.Description) <= 5000, "description", "描述不能超过5000字", "description must be at most 5000 characters")
	}
	if in.Craft != nil || creating {
		o.Craft = deref(in.Craft)
		v.Check(ValidCraft(o.Craft), "craft", "请选择手工类别", "choose a craft")
	}
	if in.Tags != nil || creating {
		o.Tags = dedupe(in.Tags)
		ok := len(o.Tags) <= 10
		for _, t := range o.Tags {
			ok = ok && t != "" && utf8.RuneCountInString(t) <= 20
		}
		v.Check(ok, "tags", "最多10个标签，每个不超过20字", "at most 10 tags of up to 20 characters")
	}
	int64Field(&v, &o.Quantity, in.Quantity, "quantity", 1, MaxOrderQuantity, creating, "数量（件）", "quantity")
	int64Field(&v, &o.UnitPrice, in.UnitPrice, "unit_price", 1, MaxUnitPrice, creating, "单价（分/件）", "unit price (fen per piece)")
	if in.Currency != nil || creating {
		o.Currency = strings.ToUpper(strings.TrimSpace(deref(in.Currency)))
		if o.Currency == "" {
			o.Currency = "CNY"
		}
		v.Check(o.Currency == "CNY", "currency", "目前仅支持人民币（CNY）", "only CNY is supported")
	}
	if in.MinBidQuantity != nil {
		o.MinBidQuantity = *in.MinBidQuantity
	} else if creating {
		o.MinBidQuantity = o.Quantity // no split unless the company allows it
	}
	if in.Quantity != nil && !creating && cur.MinBidQuantity == cur.Quantity && in.MinBidQuantity == nil {
		o.MinBidQuantity = o.Quantity
	}
	v.Check(o.MinBidQuantity >= 1 && o.MinBidQuantity <= o.Quantity, "min_bid_quantity",
		"最小接单数量需在1到订单数量之间", "min_bid_quantity must be between 1 and the quantity")
	if in.BiddingDeadline != nil || creating {
		o.BiddingDeadline = deref(in.BiddingDeadline)
	}
	if in.DeliveryDeadline != nil || creating {
		o.DeliveryDeadline = deref(in.DeliveryDeadline)
	}
	v.Check(o.BiddingDeadline.After(now), "bidding_deadline", "报名截止时间需晚于现在", "the bidding deadline must be in the future")
	v.Check(o.BiddingDeadline.Before(now.AddDate(1, 0, 0)), "bidding_deadline", "报名截止时间不能超过一年", "the bidding deadline must be within a year")
	v.Check(o.DeliveryDeadline.After(o.BiddingDeadline), "delivery_deadline", "交货截止时间需晚于报名截止时间", "the delivery deadline must be after the bidding deadline")
	v.Check(o.DeliveryDeadline.Before(now.AddDate(2, 0, 0)), "delivery_deadline", "交货截止时间不能超过两年", "the delivery deadline must be within two years")
	if in.RegionCode != nil || creating {
		o.RegionCode = strings.TrimSpace(deref(in.RegionCode))
		v.Check(ValidRegionCode(o.RegionCode), "region_code", "请选择有效的行政区划", "choose a valid region")
	}
	text(&v, &o.Address, in.Address, "address", 2, 200, creating, "物资交接地址", "hand-over address")
	if in.Lat != nil || in.Lng != nil || creating {
		if in.Lat != nil {
			o.Lat = *in.Lat
		}
		if in.Lng != nil {
			o.Lng = *in.Lng
		}
		ok := (!creating || (in.Lat != nil && in.Lng != nil)) && ValidLatLng(o.Lat, o.Lng)
		v.Check(ok, "lat", "请填写有效的纬度和经度", "enter a valid latitude and longitude")
	}
	number(&v, &o.MinutesPerPiece, in.MinutesPerPiece, "minutes_per_piece", 1, 10000, creating, "每件耗时（分钟）", "minutes per piece")
	if in.Materials != nil || creating {
		o.Materials = deref(in.Materials)
	}
	if in.Deposit != nil || creating {
		o.Deposit = deref(in.Deposit)
	}
	if in.Quality != nil || creating {
		q := deref(in.Quality)
		if in.Quality == nil || q.InspectionDays == 0 {
			q.InspectionDays = 7
		}
		q.Criteria = strings.TrimSpace(q.Criteria)
		o.Quality = q
	}
	checkTerms(&v, o)
	if in.SamplePhotos != nil || creating {
		o.SamplePhotos = dedupe(in.SamplePhotos)
		ok := true
		for _, p := range o.SamplePhotos {
			ok = ok && slices.Contains(cur.SamplePhotos, p)
		}
		v.Check(ok, "sample_photos", "样品照片请上传图片，不再接受链接", "upload sample photos as images; links are no longer accepted")
	}
	if in.SamplePhotoIDs != nil {
		ok := len(o.SamplePhotos)+len(in.SamplePhotoIDs) <= MaxSamplePhotos
		v.Check(ok, "sample_photo_ids", "样品照片最多"+strconv.Itoa(MaxSamplePhotos)+"张", "at most "+strconv.Itoa(MaxSamplePhotos)+" sample photos")
		for _, id := range in.SamplePhotoIDs {
			if _, err := uuid.Parse(id); err != nil {
				v.Check(false, "sample_photo_ids", "照片编号无效", "a photo id is not valid")
				break
			}
		}
	}
	if o.Status == "" {
		o.Status = OrderDraft
	}
	if creating || !cur.HasAcceptedBid() {
		o.RemainingQuantity = o.Quantity
	}
	return o, v.Err()
}

// checkTerms enforces the rules that keep deposits honest: a deposit only
// secures materials handed to the workshop, so it can never exceed their value.
func checkTerms(v *Validator, o Order) {
	m, d, q := o.Materials, o.Deposit, o.Quality
	v.Check(m.Supply == SupplyCompanyShips || m.Supply == SupplyWorkshopPicksUp || m.Supply == SupplyWorkshopSources,
		"materials.supply", "请选择物资交接方式", "choose how materials are supplied")
	v.Check(m.ValuePerUnit >= 0 && m.ValuePerUnit <= MaxMaterialValuePerUnit, "materials.value_per_unit",
		"物资价值需在0到100万元之间", "material value per unit out of range")
	v.Check(m.AllowedLossBP >= 0 && m.AllowedLossBP <= 2000, "materials.allowed_loss_bp",
		"允许损耗需在0%到20%之间", "allowed loss must be between 0 and 2000 basis points")
	switch d.Kind {
	case DepositNone:
	case DepositFixed:
		// The message names the limit, so the form can say what to change.
		limit, err := MulChecked(o.Quantity, m.ValuePerUnit)
		v.Check(d.Amount >= 1, "deposit.amount", "固定保证金需大于0", "a fixed deposit must be positive")
		v.Check(d.Amount < 1 || (err == nil && d.Amount <= limit), "deposit.amount",
			fmt.Sprintf("固定保证金不能超过物资总价值 ¥%s（%d 件 × ¥%s）", FormatYuan(limit), o.Quantity, FormatYuan(m.ValuePerUnit)),
			fmt.Sprintf("a fixed deposit can be at most the total material value, ¥%s (%d × ¥%s)", FormatYuan(limit), o.Quantity, FormatYuan(m.ValuePerUnit)))
	case DepositPerUnit:
		v.Check(d.Amount >= 1, "deposit.amount", "每件保证金需大于0", "a per-unit deposit must be positive")
		v.Check(d.Amount < 1 || d.Amount <= m.ValuePerUnit, "deposit.amount",
			fmt.Sprintf("每件保证金不能超过每件物资价值 ¥%s", FormatYuan(m.ValuePerUnit)),
			fmt.Sprintf("a per-unit deposit can be at most the material value per piece, ¥%s", FormatYuan(m.ValuePerUnit)))
	case DepositPercentOfMaterial:
		v.Check(d.RateBP >= 1 && d.RateBP <= 10000, "deposit.rate_bp", "比例需在0.01%到100%之间", "rate must be 1 to 10000 basis points")
	default:
		v.Check(false, "deposit.kind", "请选择保证金方式", "choose a deposit kind")
	}
	// The other kinds do not use these fields, but the database keeps them
	// (and would refuse or truncate a value out of range).
	if d.Kind != DepositPercentOfMaterial {
		v.Check(d.RateBP >= 0 && d.RateBP <= 10000, "deposit.rate_bp",
			"保证金比例需在0到10000个基点（0%到100%）之间；不按比例收取时请填0", "the deposit rate must be 0 to 10000 basis points (0–100 %); use 0 when the deposit is not a rate")
	}
	if d.Kind != DepositFixed && d.Kind != DepositPerUnit {
		v.Check(d.Amount >= 0, "deposit.amount", "保证金金额不能为负数", "the deposit amount cannot be negative")
	}
	if d.Kind != DepositNone && d.Kind != "" {
		v.Check(m.Supply != SupplyWorkshopSources && m.ValuePerUnit > 0, "deposit.kind",
			"工坊自备物资时不能收取保证金", "no deposit can be asked when the workshop sources the materials")
	}
	v.Check(utf8.RuneCountInString(q.Criteria) >= 5 && utf8.RuneCountInString(q.Criteria) <= 2000, "quality.criteria",
		"请填写验收标准（5到2000字）", "describe the acceptance criteria (5 to 2000 characters)")
	v.Check(q.MaxDefectBP >= 0 && q.MaxDefectBP <= 10000, "quality.max_defect_bp", "次品率需在0%到100%之间", "max_defect_bp must be 0 to 10000")
	v.Check(q.InspectionDays >= 1 && q.InspectionDays <= 30, "quality.inspection_days", "验收期需为1到30天", "inspection_days must be 1 to 30")
	v.Check(q.ReworkRounds >= 0 && q.ReworkRounds <= 3, "quality.rework_rounds", "返工次数需为0到3次", "rework_rounds must be 0 to 3")
}

func int64Field(v *Validator, dst *int64, in *int64, field string, min, max int64, required bool, zh, en string) {
	if in == nil && !required {
		return
	}
	n := deref(in)
	v.Check(in != nil && n >= min && n <= max, field,
		zh+"需在"+itoa(int(min))+"到"+itoa(int(max))+"之间", en+" must be between "+itoa(int(min))+" and "+itoa(int(max)))
	*dst = n
}

// OrderQuote is what the server computes for an order's terms.
type OrderQuote struct {
	OrderValue       int64  `json:"order_value"`
	DepositMinBid    int64  `json:"deposit_min_bid"`
	DepositFull      int64  `json:"deposit_full"`
	AllowedLossUnits int64  `json:"allowed_loss_units"`
	HourlyEquivalent int64  `json:"hourly_equivalent"`
	MinHourlyWage    int64  `json:"min_hourly_wage"`
	MinWageProvince  string `json:"min_wage_province"`
	MinWageSource    string `json:"min_wage_source"`     // the published table, cited in Chinese
	MinWageSourceURL string `json:"min_wage_source_url"` // where it is published
	BelowMinimumWage bool   `json:"below_minimum_wage"`
}

// Quote computes totals, deposits and the fair-pay comparison with overflow checks.
func Quote(o Order) (OrderQuote, error) {
	var q OrderQuote
	var err error
	if q.OrderValue, err = MulChecked(o.Quantity, o.UnitPrice); err != nil {
		return q, FieldError("quantity", "订单总额超出范围", "quantity × unit price is out of range")
	}
	if q.DepositMinBid, _, err = DepositFor(o.Deposit, o.MinBidQuantity, o.Materials.ValuePerUnit, false); err != nil {
		return q, err
	}
	if q.DepositFull, _, err = DepositFor(o.Deposit, o.Quantity, o.Materials.ValuePerUnit, false); err != nil {
		return q, err
	}
	q.AllowedLossUnits = AllowedLossUnits(o.Quantity, o.Materials.AllowedLossBP)
	hourly, min, below, err := BelowMinimumWage(o.UnitPrice, o.MinutesPerPiece, o.RegionCode)
	if err != nil {
		return q, err
	}
	q.HourlyEquivalent, q.MinHourlyWage, q.MinWageProvince, q.BelowMinimumWage = hourly, min.HourlyFen, min.ProvinceName, below
	q.MinWageSource, q.MinWageSourceURL = MinimumWageSource(), MinimumWageSourceURL()
	return q, nil
}
