// Organisation documents (营业执照, 社区担保函): Chinese, the source language.
// en/documents.ts has the same keys; loaded with the pages that show them (lifecycle.ts).
const documents = {
  'doc.checkDocs': '请核对证照上的名称、统一社会信用代码与填写的信息是否一致。',
  'doc.title': '证照材料',
  'doc.business_licence': '营业执照',
  'doc.guarantee_letter': '社区担保函',
  'doc.missing.business_licence': '未上传营业执照',
  'doc.missing.guarantee_letter': '未上传社区担保函',
  'doc.hint.business_licence': '拍清营业执照正本或副本，文字和公章要看得清；社区组织可上传登记证书。',
  'doc.hint.guarantee_letter': '社区居委会或村委会出具并盖章的担保函，可拍多页。',
  'doc.private': '只有本机构成员和平台审核人员能看到这些材料。',
  'doc.prompt': '上传营业执照，审核更快',
  'doc.promptText': '平台审核人员会对照营业执照核实您填写的信息。',
  'doc.saving': '正在保存…',
  'doc.saved': '已保存',
} as const;

export default documents;
