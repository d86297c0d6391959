// The public scorecards' strings (Chinese): on the public order page (a
// company's record) and profiles, so not with the rest of settlement's
// (i18n/scorecards.ts loads them alone). en/scorecards.ts has the same keys.
const scorecards = {
  'set.sc.companyTitle': '企业信用记录',
  'set.sc.workshopTitle': '工坊信用记录',
  'set.sc.settled': '已结算合同',
  'set.sc.settledFormula': '已结算的合同数',
  'set.sc.completed': '完成合同',
  'set.sc.completedFormula': '已结算的合同数',
  'set.sc.rejection': '拒收率',
  'set.sc.rejectionBasis': '不合格 {num} 件 / 交付 {den} 件',
  'set.sc.rejectionFormula': '= 不合格件数 ÷ 交付件数（已结算合同）',
  'set.sc.fundedOnTime': '按时托管货款',
  'set.sc.contractsBasis': '{num} / {den} 份合同',
  'set.sc.fundedFormula': '= 在期限内托管货款的合同 ÷ 已到托管期限的合同',
  'set.sc.inspectionDays': '验收用时（中位数）',
  'set.sc.inspectionFormula': '从交付到验收的天数，取中位数',
  'set.sc.days': '{n} 天',
  'set.sc.disputesLost': '申诉败诉',
  'set.sc.companyDisputesFormula': '平台裁定企业拒收的件实为合格的申诉次数',
  'set.sc.workshopDisputesFormula': '平台维持企业全部拒收的申诉次数',
  'set.sc.onTime': '按时交付率',
  'set.sc.onTimeFormula': '= 最后一次交付不晚于交期的合同 ÷ 已结算合同',
  'set.sc.acceptance': '验收合格率',
  'set.sc.acceptanceBasis': '合格 {num} 件 / 交付 {den} 件',
  'set.sc.acceptanceFormula': '= 合格件数 ÷ 交付件数（已结算合同）',
  'set.sc.rating': '平均评分',
  'set.sc.ratingsCount': '{n} 条评价',
  'set.sc.companyRatingFormula': '工坊评价的付款、沟通、验收公正三项平均',
  'set.sc.workshopRatingFormula': '企业评价的质量、沟通、按时三项平均',
  'set.sc.noRatings': '暂无评价',
  'set.sc.noData': '暂无数据',
  'set.sc.tooFew': '不足 {n} 份已结算合同，暂不计算',
  'set.sc.fewNote': '已结算合同只有 {settled} 份，少于 {n} 份时比例容易误导，因此只显示件数。',
  'set.sc.note': '以上数字由平台根据已结算合同自动计算，任何一方都不能修改。',
};

export default scorecards;
