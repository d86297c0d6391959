import type zh from '../zh/documents';

const documents: { readonly [K in keyof typeof zh]: string } = {
  'doc.checkDocs': 'Check that the name and unified social credit code on the documents match the details given.',
  'doc.title': 'Documents',
  'doc.business_licence': 'Business licence',
  'doc.guarantee_letter': 'Community letter of guarantee',
  'doc.missing.business_licence': 'No business licence uploaded',
  'doc.missing.guarantee_letter': 'No community letter of guarantee uploaded',
  'doc.hint.business_licence': 'A clear photo of the licence (original or copy) with its text and seal legible; community organisations may upload their registration certificate.',
  'doc.hint.guarantee_letter': "The letter from the residents' or village committee, with its seal; several pages are fine.",
  'doc.private': "Only your organisation's members and the platform's reviewers can see these documents.",
  'doc.prompt': 'Upload your business licence to be verified sooner',
  'doc.promptText': 'Platform reviewers check the details you gave against the licence.',
  'doc.saving': 'Saving…',
  'doc.saved': 'Saved',
};

export default documents;
