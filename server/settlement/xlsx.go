package settlement

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/xuri/excelize/v2"

	"doorstep/server/market"
	"doorstep/server/store"
)

// words are the sheet's labels, Chinese first, English when asked.
var words = map[string][2]string{
	"sheet": {"结算单", "Statement"}, "contract": {"合同", "Contract"}, "company": {"企业", "Company"},
	"workshop": {"工坊", "Workshop"}, "quantity": {"数量（件）", "Quantity (pieces)"}, "unit_price": {"单价（元）", "Unit price (yuan)"},
	"escrow": {"托管货款（元）", "Escrow (yuan)"}, "deposit": {"保证金（元）", "Deposit (yuan)"}, "commission": {"平台服务费率", "Platform commission"},
	"commission_amount": {"平台服务费（元）", "Platform commission (yuan)"}, "status": {"状态", "Status"}, "settled_at": {"结算时间", "Settled at"},
	"materials": {"物料", "Materials"}, "deliveries": {"交付与验收", "Deliveries and inspections"}, "disputes": {"申诉", "Disputes"},
	"money": {"资金往来", "Money in and out"}, "totals": {"合计", "Totals"}, "rule": {"保证金计算", "Deposit computation"},
	"at": {"时间", "Date"}, "item": {"事项", "Item"}, "amount": {"金额（元）", "Amount (yuan)"}, "note": {"备注", "Note"},
	"accepted": {"合格件数", "Pieces accepted"}, "rejected": {"不合格件数", "Pieces rejected"}, "released": {"已放款（毛额）", "Released (gross)"},
	"workshop_net": {"工坊实得", "Workshop net"}, "paid_in": {"收到款项", "Paid in"}, "escrow_refunded": {"退回企业的货款", "Escrow refunded"},
	"deposit_refunded": {"退回工坊的保证金", "Deposit refunded"}, "compensation": {"物料赔偿（付企业）", "Material compensation (to the company)"},
	"received": {"收到物料（件）", "Material received (pieces)"}, "returned": {"退回物料", "Material returned"}, "delivered": {"已交付", "Delivered"},
	"missing": {"缺少 = 收到 − 退回 − 交付", "Missing = received − returned − delivered"}, "allowed_loss": {"允许损耗", "Allowed loss"},
	"chargeable": {"应赔件数 = max(0, 缺少 − 允许损耗)", "Chargeable = max(0, missing − allowed loss)"},
	"value":      {"每件物料价值（元）", "Material value per piece (yuan)"}, "deposit_held": {"保证金", "Deposit held"},
	"deduction":  {"扣除 = min(保证金, 应赔件数 × 物料价值)", "Deduction = min(deposit, chargeable × value)"},
	"refund":     {"退还保证金", "Deposit refunded"},
	"dispatched": {"发出物料", "Materials sent"}, "received_l": {"确认收到", "Received"}, "returned_l": {"退回未用物料", "Unused returned"},
	"delivered_l": {"交付", "Delivered"}, "inspected_accepted": {"验收合格", "Accepted"}, "inspected_rejected": {"验收不合格", "Rejected"},
	"inspected_rework": {"返工", "Rework"}, "auto_accepted_accepted": {"逾期自动验收", "Accepted (window passed)"},
	"auto_accepted_rejected": {"—", "—"}, "auto_accepted_rework": {"—", "—"}, "disputed": {"工坊申诉", "Disputed"}, "decided": {"平台裁决合格", "Decided accepted"},
	"paid_escrow": {"企业托管货款", "Escrow paid"}, "paid_deposit": {"工坊缴纳保证金", "Deposit paid"},
}

// Disbursement lines ("payout_sent") and the contract status are worded
// from their parts, so every kind the statement can hold reads in words.
var (
	disbursementWords = map[string][2]string{"payout": {"付给工坊", "Payout to the workshop"}, "refund": {"退款", "Refund"},
		"compensation": {"物料赔偿付企业", "Material compensation to the company"}}
	disbursementStatusWords = map[market.DisbursementStatus][2]string{market.DisbursementQueued: {"待汇出", "queued"},
		market.DisbursementSending: {"汇出中", "sending"}, market.DisbursementSent: {"已汇出", "sent"},
		market.DisbursementFailed: {"汇出失败", "failed"}, market.DisbursementReversed: {"已退回", "reversed"}}
	statusWords = map[market.ContractStatus][2]string{market.ContractAwaitingFunding: {"待托管资金", "Awaiting funding"},
		market.ContractActive: {"已生效", "Active"}, market.ContractMaterialsSent: {"已发料", "Materials sent"},
		market.ContractInProduction: {"生产中", "In production"}, market.ContractDelivering: {"交货中", "Delivering"},
		market.ContractSettling: {"结算中", "Settling"}, market.ContractSettled: {"已结算", "Settled"},
		market.ContractLapsed: {"已失效（未按期托管）", "Lapsed (not funded in time)"}, market.ContractCancelled: {"已取消", "Cancelled"}}
)

func init() {
	for k, kw := range disbursementWords {
		for st, sw := range disbursementStatusWords {
			words[k+"_"+string(st)] = [2]string{kw[0] + "（" + sw[0] + "）", kw[1] + " (" + sw[1] + ")"}
		}
	}
	for st, w := range statusWords {
		words["status_"+string(st)] = w
	}
}

func word(lang, k string) string {
	w, ok := words[k]
	if !ok {
		return k
	}
	if lang == "en" {
		return w[1]
	}
	return w[0]
}

var lineWord = map[string]string{"received": "received_l", "returned": "returned_l", "delivered": "delivered_l"}

func yuan(fen int64) float64 { return float64(fen) / 100 }

// StatementXLSX writes a contract's statement as a spreadsheet (excelize).
func (s *Service) StatementXLSX(ctx context.Context, a *market.Actor, id uuid.UUID, lang string) ([]byte, string, error) {
	st, err := s.Statement(ctx, a, id)
	if err != nil {
		return nil, "", err
	}
	f := excelize.NewFile()
	defer f.Close()
	sheet := word(lang, "sheet")
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, "", err
	}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	money, _ := f.NewStyle(&excelize.Style{NumFmt: 2}) // 0.00
	row := 1
	put := func(style int, vals ...any) {
		for i, v := range vals {
			cell, _ := excelize.CoordinatesToCellName(i+1, row)
			_ = f.SetCellValue(sheet, cell, v)
			if style != 0 {
				_ = f.SetCellStyle(sheet, cell, cell, style)
			}
		}
		row++
	}
	kv := func(k string, v any) {
		put(0, word(lang, k), v)
		if _, ok := v.(float64); ok {
			cell, _ := excelize.CoordinatesToCellName(2, row-1)
			_ = f.SetCellStyle(sheet, cell, cell, money)
		}
	}
	put(bold, "家门口 Doorstep — "+word(lang, "sheet"))
	kv("contract", st.Title)
	kv("company", st.Company)
	kv("workshop", st.Workshop)
	kv("quantity", st.Quantity)
	kv("unit_price", yuan(st.UnitPrice))
	kv("escrow", yuan(st.Escrow))
	kv("deposit", yuan(st.Deposit))
	kv("commission", fmt.Sprintf("%.2f%%", float64(st.Commission)/100))
	kv("status", word(lang, "status_"+st.Status))
	if st.SettledAt != nil {
		kv("settled_at", market.FormatDate(*st.SettledAt, lang, true))
	}
	section := func(title string, lines []StatementLine, amounts bool) {
		row++
		put(bold, word(lang, title))
		head := []any{word(lang, "at"), word(lang, "item"), word(lang, "quantity")}
		if amounts {
			head = []any{word(lang, "at"), word(lang, "item"), word(lang, "amount")}
		}
		put(bold, append(head, word(lang, "note"))...)
		for _, l := range lines {
			k := l.Kind
			if w, ok := lineWord[k]; ok {
				k = w
			}
			if amounts {
				put(0, market.FormatDate(l.At, lang, true), word(lang, k), yuan(l.Amount), l.Note.In(lang))
				cell, _ := excelize.CoordinatesToCellName(3, row-1)
				_ = f.SetCellStyle(sheet, cell, cell, money)
			} else {
				put(0, market.FormatDate(l.At, lang, true), word(lang, k), l.Quantity, l.Note.In(lang))
			}
		}
	}
	section("materials", st.Dispatches, false)
	section("deliveries", st.Deliveries, false)
	section("disputes", st.Disputes, false)
	section("money", st.Money, true)
	row++
	put(bold, word(lang, "totals"))
	t := st.Totals
	kv("accepted", t.Accepted)
	kv("rejected", t.Rejected)
	kv("paid_in", yuan(t.PaidIn))
	kv("released", yuan(t.Released))
	kv("commission_amount", yuan(t.Commission))
	kv("workshop_net", yuan(t.WorkshopNet))
	kv("escrow_refunded", yuan(t.EscrowRefunded))
	kv("deposit_refunded", yuan(t.DepositRefunded))
	kv("compensation", yuan(t.Compensation))
	row++
	put(bold, word(lang, "rule"))
	r := st.DepositRule
	kv("received", r.Received)
	kv("returned", r.Returned)
	kv("delivered", r.Delivered)
	kv("missing", r.Missing)
	kv("allowed_loss", r.AllowedLoss)
	kv("chargeable", r.Chargeable)
	kv("value", yuan(r.ValuePerUnit))
	kv("deposit_held", yuan(r.DepositHeld))
	kv("deduction", yuan(r.Deduction))
	kv("refund", yuan(r.Refund))
	_ = f.SetColWidth(sheet, "A", "A", 34)
	_ = f.SetColWidth(sheet, "B", "D", 22)
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, "", err
	}
	return buf.Bytes(), "statement-" + st.ContractID.String()[:8] + ".xlsx", nil
}

// SettlementsXLSX lists every contract settled in [from, to) with its
// totals (finance staff), one row each.
func (s *Service) SettlementsXLSX(ctx context.Context, a *market.Actor, from, to time.Time, lang string) ([]byte, error) {
	db := s.Store.DB()
	rows, err := db.SettledContracts(ctx, store.SettledContractsParams{SettledAt: &from, SettledAt_2: &to})
	if err != nil {
		return nil, err
	}
	f := excelize.NewFile()
	defer f.Close()
	sheet := word(lang, "sheet")
	_ = f.SetSheetName("Sheet1", sheet)
	head := []string{"settled_at", "contract", "company", "workshop", "accepted", "rejected", "paid_in", "released", "commission_amount",
		"workshop_net", "escrow_refunded", "deposit_refunded", "compensation"}
	for i, h := range head {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		_ = f.SetCellValue(sheet, cell, word(lang, h))
	}
	for n, k := range rows {
		ledger, err := s.Money.Ledger(ctx, a, k.ID)
		if err != nil {
			return nil, err
		}
		t := totals(store.Contract{AcceptedUnits: k.AcceptedUnits, RejectedUnits: k.RejectedUnits}, ledger)
		vals := []any{market.FormatDate(*k.SettledAt, lang, false), k.Title, k.CompanyName, k.WorkshopName, t.Accepted, t.Rejected,
			yuan(t.PaidIn), yuan(t.Released), yuan(t.Commission), yuan(t.WorkshopNet), yuan(t.EscrowRefunded), yuan(t.DepositRefunded), yuan(t.Compensation)}
		for i, v := range vals {
			cell, _ := excelize.CoordinatesToCellName(i+1, n+2)
			_ = f.SetCellValue(sheet, cell, v)
		}
	}
	_ = f.SetColWidth(sheet, "A", "M", 16)
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
