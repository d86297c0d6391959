import { vi } from 'vitest';
import type { ContractView, Me } from '../api/types';
import type { CommentView, DeliveryView, DisputeDetail, DisputeView, DispatchView, Timeline, UploadView } from '../api/fulfilment';
import { allow, contractActions, contractAs, deny, nextStep } from './contracts';
import { companyMe, craftsReply, regionsReply, type MockReply, type MockRequest } from './utils';

export const moderatorMe: Me = { ...companyMe, org: null, role: 'moderator' };

/** An active contract of 3000 pieces at ¥1.50, 5% commission, one rework
 *  round, as its company sees it while a batch waits for inspection. */
export const activeContract: ContractView = contractAs({
  status: 'delivering',
  stage: 'working',
  path_step: 4,
  activated_at: '2030-11-26T04:00:00Z',
  actions: contractActions('dispatch', 'post_message', 'view_money'),
  limits: { dispatchable: 60, returnable: 0, deliverable: 0, deliverable_by_contract: 2000 },
  next: nextStep({ step: 'inspect', who: 'you', action: 'inspect', quantity: 1000, ref: 'del-1', due_at: '2030-12-08T04:00:00Z' }),
});

/** The same contract as its workshop sees it. */
export const workshopContract: ContractView = {
  ...activeContract,
  role: 'workshop',
  actions: contractActions('deliver', 'return', 'post_message', 'view_money', 'record_pieces', 'distribute'),
  limits: { dispatchable: 60, returnable: 1990, deliverable: 1050, deliverable_by_contract: 2000 },
  next: nextStep({ step: 'deliver', who: 'you', action: 'deliver', quantity: 1050, due_at: '2030-12-20T00:00:00+08:00' }),
};

export const photoView = (id: string): UploadView => ({
  id,
  content_type: 'image/jpeg',
  width: 800,
  height: 600,
  url: `/api/v1/uploads/${id}`,
  thumb_url: `/api/v1/uploads/${id}/thumb`,
});

export const dispatchFixture: DispatchView = {
  id: 'd-1',
  seq: 1,
  quantity: 3000,
  method: 'carrier',
  carrier: '顺丰速运',
  tracking_no: 'SF123',
  note: '',
  dispatched_at: '2030-11-27T04:00:00Z',
  received_quantity: 2990,
  shortfall_note: '少了一包线',
  received_at: '2030-11-28T04:00:00Z',
  photos: [photoView('p-r1')],
  driver: '',
  driver_phone: '',
  actions: { receive: deny('这批物料已确认收货') },
};

export const deliveryFixture: DeliveryView = {
  id: 'del-1',
  seq: 1,
  rework_of: null,
  round: 0,
  quantity: 1000,
  note: '第一批',
  status: 'submitted',
  submitted_at: '2030-12-01T04:00:00Z',
  inspect_due_at: '2030-12-08T04:00:00Z',
  accepted: null,
  rejected: null,
  rework: null,
  rework_left: 0,
  inspected_at: null,
  dispute_due_at: null,
  photos: [photoView('p-d1')],
  rejections: [],
  dispute: null,
  actions: { inspect: allow(), dispute: deny(), deliver_rework: deny() },
};

export const inspectedDelivery: DeliveryView = {
  ...deliveryFixture,
  status: 'accepted',
  accepted: 950,
  rejected: 50,
  rework: 0,
  inspected_at: '2030-12-02T04:00:00Z',
  dispute_due_at: '2030-12-09T04:00:00Z',
  rejections: [{ reason: '网眼不均匀', quantity: 50, photos: [photoView('p-x1')] }],
  actions: { inspect: deny('这批交付已验收'), dispute: allow(), deliver_rework: deny() },
};

export const timelineFixture = (over: Partial<Timeline> = {}): Timeline => ({
  status: 'delivering',
  stage: 'working',
  role: activeContract.role,
  actions: activeContract.actions,
  limits: activeContract.limits,
  next: activeContract.next,
  quantities: {
    contract: 3000,
    dispatched: 3000,
    received: 2990,
    returned: 0,
    delivered: 1000,
    accepted: 0,
    rejected: 0,
    in_rework: 0,
    disputed: 0,
    awaiting_inspection: 1000,
    released_amount: 0,
  },
  company: { org_name: '滨州巧手制品有限公司', name: '王经理', phone: '13812345678' },
  workshop: { org_name: '黄河社区巧手坊', name: '赵主任', phone: '13712345678' },
  dispatches: [dispatchFixture],
  deliveries: [deliveryFixture],
  events: [
    { at: '2030-11-25T04:00:00Z', kind: 'awarded', by: 'company', quantity: 3000, amount: 450000, ref: null, note: '' },
    { at: '2030-12-01T04:00:00Z', kind: 'delivered', by: 'workshop', quantity: 1000, amount: 0, ref: 'del-1', note: '' },
  ],
  ...over,
});

export const messageFixture: CommentView = {
  id: 'm1',
  author_name: '赵主任',
  org_id: 'w1',
  body: '第一批明天送到',
  photos: [],
  created_at: '2030-11-30T04:00:00Z',
};

export const disputeDetail: DisputeDetail = {
  id: 'x-1',
  delivery_id: 'del-1',
  contract_id: activeContract.id,
  units: 50,
  statement: '这些网眼都在误差范围内，见照片。',
  status: 'open',
  opened_at: '2030-12-03T04:00:00Z',
  decided_accepted: null,
  decision_note: '',
  resolved_at: null,
  photos: [photoView('p-s1')],
  comments: [],
  actions: { comment: allow(), resolve: allow() },
};

export const disputeRow: DisputeView = {
  id: 'x-1',
  delivery_id: 'del-1',
  contract_id: activeContract.id,
  contract_title: activeContract.title,
  company_id: 'o1',
  company_name: '滨州巧手制品有限公司',
  workshop_id: 'w1',
  workshop_name: '黄河社区巧手坊',
  units: 50,
  statement: disputeDetail.statement,
  status: 'open',
  opened_at: '2030-12-03T04:00:00Z',
  decided_accepted: null,
  resolved_at: null,
};

/** The replies every page needs plus the contract, its timeline and thread. */
export function contractReplies(me: Me, timeline: Timeline, messages: CommentView[] = [], contract = activeContract) {
  return {
    'GET /me': { body: me },
    'GET /meta/crafts': craftsReply,
    'GET /meta/regions': regionsReply,
    'GET /notifications/unread-count': { body: { count: 0 } },
    [`GET /contracts/${contract.id}`]: { body: contract },
    [`GET /contracts/${contract.id}/timeline`]: { body: timeline },
    [`GET /contracts/${contract.id}/messages`]: { body: { items: messages, total: messages.length, page: 1, per_page: 50 } },
    [`GET /contracts/${contract.id}/payments`]: { status: 404, body: { error: { code: 'not_found', message: 'x' } } },
  } as Record<string, MockReply | ((req: MockRequest) => MockReply)>;
}

/** A stand-in XMLHttpRequest for POST /uploads: reports progress, then answers. */
export function fakeUploads(reply: (n: number) => { status: number; body: unknown }) {
  let n = 0;
  const sent: FormData[] = [];
  class FakeXHR {
    status = 0;
    responseText = '';
    upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    withCredentials = false;
    open() {}
    setRequestHeader() {}
    abort() {
      this.onabort?.();
    }
    send(body: FormData) {
      sent.push(body);
      const r = reply(++n);
      setTimeout(() => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
        setTimeout(() => {
          this.status = r.status;
          this.responseText = JSON.stringify(r.body);
          this.onload?.();
        }, 150);
      }, 20);
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXHR);
  return { sent };
}

export const pngFile = (name = 'goods.png', size = 1000) => new File([new Uint8Array(size)], name, { type: 'image/png' });
