import type { DocumentKind, DocumentsView } from '../api/documents';
import type { UploadView } from '../api/fulfilment';
import { allow, deny } from './permissions';

/** An organisation's documents: the kinds it keeps with their photos; its owner may upload. */
export function documentsFixture(orgId: string, docs: Partial<Record<DocumentKind, UploadView[]>>, role: DocumentsView['role'] = 'company', upload = true): DocumentsView {
  return {
    org_id: orgId,
    documents: (Object.keys(docs) as DocumentKind[]).map((kind) => ({ kind, photos: docs[kind] ?? [] })),
    role,
    actions: { upload: upload ? allow() : deny('只有机构负责人可以上传或更换证照', 'only an owner can upload') },
    limits: { max_pages: 4 },
  };
}
