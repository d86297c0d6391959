package workshopops

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/uuid"
	"github.com/xuri/excelize/v2"

	"doorstep/server/market"
	"doorstep/server/store"
)

// The roster spreadsheet: the export's columns are exactly what the import
// reads back. Headers are matched in Chinese or English.
var rosterColumns = []struct{ key, zh, en string }{
	{"id", "编号", "ID"},
	{"name", "姓名", "Name"},
	{"phone", "电话", "Phone"},
	{"crafts", "工艺", "Crafts"},
	{"joined_on", "加入日期", "Joined"},
	{"active", "在岗", "Active"},
	{"tags", "标签（经本人同意）", "Tags (with consent)"},
	{"consent_by", "同意记录人", "Consent recorded by"},
	{"consent_at", "同意记录时间", "Consent recorded at"},
}

func (s *Service) allResidents(ctx context.Context, db *store.DB, workshopID, uid uuid.UUID) ([]market.Resident, error) {
	rows, _, err := db.ListResidents(ctx, store.ResidentFilter{WorkshopID: workshopID, CallerID: uid, Lim: maxImportRows * 10})
	return rows, err
}

// ExportResidents is the whole roster as XLSX (phones in full: it is the
// coordinators' own list).
func (s *Service) ExportResidents(ctx context.Context, a *market.Actor, workshopID uuid.UUID, lang string) (File, error) {
	uid, err := s.member(ctx, a, workshopID)
	if err != nil {
		return File{}, err
	}
	list, err := s.allResidents(ctx, s.Store.DB(), workshopID, uid)
	if err != nil {
		return File{}, err
	}
	header := make([]string, len(rosterColumns))
	for i, c := range rosterColumns {
		header[i] = market.Msg{ZH: c.zh, EN: c.en}.In(lang)
	}
	rows := make([][]any, 0, len(list))
	for _, r := range list {
		crafts := make([]string, len(r.Crafts))
		for i, c := range r.Crafts {
			cr, _ := market.CraftByCode(c)
			crafts[i] = market.Msg{ZH: cr.NameZH, EN: cr.NameEN}.In(lang)
		}
		var tags, by, at []string
		for _, t := range r.Tags {
			tags = append(tags, market.TagName(t.Tag, lang))
			by = append(by, t.RecordedBy)
			at = append(at, t.RecordedAt.In(market.ChinaTime).Format("2006-01-02 15:04"))
		}
		rows = append(rows, []any{r.ID.String(), r.Name, r.Phone, strings.Join(crafts, "、"), r.JoinedOn.Format(market.DateLayout),
			yesNo(r.Active, lang), strings.Join(tags, "、"), strings.Join(by, "、"), strings.Join(at, "、")})
	}
	data, err := writeSheet(market.Msg{ZH: "花名册", EN: "Roster"}.In(lang), nil, header, rows, []float64{38, 12, 16, 20, 12, 8, 24, 16, 20})
	return File{Name: "residents.xlsx", Data: data}, err
}

// ImportResult says what an import did.
type ImportResult struct {
	Created int `json:"created"`
	Updated int `json:"updated"`
}

type importRow struct {
	id    uuid.UUID // zero: create
	input market.ResidentInput
}

// ImportResidents reads an XLSX roster: a row with a known id or phone
// updates that resident, any other row adds one. Every bad row is reported
// (field "rows.N.column", N the spreadsheet row number) and then nothing is
// imported. tagsConsent confirms consent for tags the file adds.
func (s *Service) ImportResidents(ctx context.Context, a *market.Actor, workshopID uuid.UUID, data []byte, tagsConsent bool) (ImportResult, error) {
	uid, err := s.member(ctx, a, workshopID)
	if err != nil {
		return ImportResult{}, err
	}
	sheet, err := readSheet(data)
	if err != nil {
		return ImportResult{}, err
	}
	var res ImportResult
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		existing, err := s.allResidents(ctx, db, workshopID, uid)
		if err != nil {
			return err
		}
		plan, err := s.planImport(sheet, existing, tagsConsent)
		if err != nil {
			return err
		}
		byID := map[uuid.UUID]market.Resident{}
		for _, r := range existing {
			byID[r.ID] = r
		}
		for _, p := range plan {
			creating := p.id == uuid.Nil
			base := byID[p.id]
			if creating {
				base = market.Resident{WorkshopID: workshopID}
			}
			r, tags, err := market.ApplyResidentInput(base, p.input, creating, s.Now())
			if err != nil {
				return err // checked in planImport
			}
			if creating {
				if r.ID, err = db.CreateResident(ctx, uid, r); err != nil {
					return phoneTaken(err)
				}
				res.Created++
			} else {
				if err := db.UpdateResident(ctx, uid, r); err != nil {
					return phoneTaken(err)
				}
				res.Updated++
			}
			if tags != nil {
				if err := db.SetResidentTags(ctx, uid, r.ID, tags); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return res, err
}

// planImport validates every row against the roster and returns what to
// write, or one error naming every bad cell.
func (s *Service) planImport(sheet [][]string, existing []market.Resident, tagsConsent bool) ([]importRow, error) {
	e := &market.Error{Code: market.CodeInvalid, Message: market.Msg{ZH: "表格中有错误，未导入任何内容", EN: "the spreadsheet has errors; nothing was imported"},
		Fields: map[string]market.Msg{}}
	if len(sheet) == 0 {
		return nil, market.FieldError("file", "表格是空的", "the spreadsheet is empty")
	}
	cols := map[string]int{}
	for i, h := range sheet[0] {
		h = strings.ToLower(strings.TrimSpace(h))
		for _, c := range rosterColumns {
			if h != "" && (h == strings.ToLower(c.zh) || h == strings.ToLower(c.en) || h == c.key ||
				(c.key == "phone" && (h == "手机" || h == "手机号")) || (c.key == "tags" && (h == "标签" || h == "tags"))) {
				cols[c.key] = i
			}
		}
	}
	if _, ok := cols["name"]; !ok {
		return nil, market.FieldError("rows.1.name", "第1行需要“姓名”列", "row 1 needs a “Name” column")
	}
	byID, byPhone := map[uuid.UUID]market.Resident{}, map[string]uuid.UUID{}
	for _, r := range existing {
		byID[r.ID] = r
		if r.Phone != "" {
			byPhone[r.Phone] = r.ID
		}
	}
	seenID, seenPhone := map[uuid.UUID]int{}, map[string]int{}
	var plan []importRow
	for i, row := range sheet[1:] {
		n := i + 2 // spreadsheet row number
		cell := func(key string) (string, bool) {
			c, ok := cols[key]
			if !ok || c >= len(row) {
				return "", ok
			}
			return strings.TrimSpace(row[c]), true
		}
		if strings.TrimSpace(strings.Join(row, "")) == "" {
			continue
		}
		bad := func(key, zh, en string) {
			col, _ := excelize.ColumnNumberToName(cols[key] + 1)
			e.Fields[fmt.Sprintf("rows.%d.%s", n, key)] = market.Msg{ZH: fmt.Sprintf("第%d行 %s列：%s", n, col, zh), EN: fmt.Sprintf("row %d, column %s: %s", n, col, en)}
		}
		p := importRow{}
		if v, ok := cell("id"); ok && v != "" {
			id, err := uuid.Parse(v)
			if _, known := byID[id]; err != nil || !known {
				bad("id", "编号不在本工坊的花名册中", "this id is not on the workshop's roster")
			} else if prev, dup := seenID[id]; dup {
				bad("id", fmt.Sprintf("与第%d行重复", prev), fmt.Sprintf("same as row %d", prev))
			} else {
				p.id, seenID[id] = id, n
			}
		}
		name, _ := cell("name")
		p.input.Name = &name
		if v, ok := cell("phone"); ok {
			phone := market.NormalizePhone(v)
			if v != "" && phone == "" {
				bad("phone", "请输入有效的手机或固定电话号码", "enter a valid mobile or landline number")
			} else if phone != "" {
				if prev, dup := seenPhone[phone]; dup {
					bad("phone", fmt.Sprintf("与第%d行的电话重复", prev), fmt.Sprintf("same phone as row %d", prev))
				}
				seenPhone[phone] = n
				if id, known := byPhone[phone]; known && p.id == uuid.Nil {
					p.id = id
				} else if known && id != p.id {
					bad("phone", "这个电话属于花名册里的另一位居民", "this phone belongs to another resident on the roster")
				}
			}
			p.input.Phone = &phone
		}
		if v, ok := cell("crafts"); ok {
			p.input.Crafts = []string{}
			for _, c := range splitList(v) {
				code, found := craftCode(c)
				if !found {
					bad("crafts", "未知的工艺："+c, "unknown craft: "+c)
				}
				p.input.Crafts = append(p.input.Crafts, code)
			}
		}
		if v, ok := cell("joined_on"); ok && v != "" {
			d, okd := cellDate(v)
			if !okd {
				bad("joined_on", "日期格式应为 YYYY-MM-DD", "date must be YYYY-MM-DD")
			}
			p.input.JoinedOn = &d
		}
		if v, ok := cell("active"); ok {
			act, okb := cellBool(v)
			if !okb {
				bad("active", "请填“是”或“否”", "write yes or no")
			}
			p.input.Active = &act
		}
		if v, ok := cell("tags"); ok {
			tags := []string{}
			for _, t := range splitList(v) {
				code, found := tagCode(t)
				if !found {
					bad("tags", "未知的标签："+t, "unknown tag: "+t)
				}
				tags = append(tags, code)
			}
			p.input.Tags, p.input.TagsConsent = &tags, tagsConsent
		}
		base := byID[p.id]
		if _, _, err := market.ApplyResidentInput(base, p.input, p.id == uuid.Nil, s.Now()); err != nil {
			if me, ok := err.(*market.Error); ok {
				for f, m := range me.Fields {
					key := f
					if f == "tags_consent" {
						key = "tags"
					}
					if _, done := e.Fields[fmt.Sprintf("rows.%d.%s", n, key)]; !done {
						bad(key, m.ZH, m.EN)
					}
				}
			}
		}
		plan = append(plan, p)
	}
	if len(e.Fields) > 0 {
		return nil, e
	}
	return plan, nil
}

func craftCode(s string) (string, bool) {
	for _, c := range market.Crafts() {
		if strings.EqualFold(s, c.Code) || s == c.NameZH || strings.EqualFold(s, c.NameEN) {
			return c.Code, true
		}
	}
	return s, false
}

func tagCode(s string) (string, bool) {
	for _, t := range market.ResidentTags {
		if strings.EqualFold(s, t.Code) || s == t.NameZH || strings.EqualFold(s, t.NameEN) {
			return t.Code, true
		}
	}
	return s, false
}
