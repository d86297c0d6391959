import { createContext, lazy, Suspense, useContext, useState, type ReactNode } from 'react';

export type ToastKind = 'success' | 'error' | 'info';
export interface Toast {
  kind: ToastKind;
  content: ReactNode;
}
export type MessageApi = Record<ToastKind, (content: ReactNode) => void>;

// antd's message (with its notification machinery, ~5 KB gzip) loads with
// the first toast, not on every first page: a toast follows an action, and
// its chunk arrives while the action's request is still on its way.
const ToastHost = lazy(() => import('./ToastHost'));

// Outside a FeedbackProvider (a component rendered alone): antd's static message.
const fallback: MessageApi = {
  success: (c) => void import('./ToastHost').then((m) => m.staticToast('success', c)),
  error: (c) => void import('./ToastHost').then((m) => m.staticToast('error', c)),
  info: (c) => void import('./ToastHost').then((m) => m.staticToast('info', c)),
};
const MessageContext = createContext<MessageApi>(fallback);

/** Toasts that follow the app's theme and language. (Not antd's App: its
 *  modal and notification machinery would load on every first page; the two
 *  confirmations that need a modal use Modal.useModal() where they are.) */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [asked, setAsked] = useState(0);
  // Toasts asked for and not yet shown; ToastHost takes them once it is loaded.
  const [queue] = useState(() => {
    const pending: Toast[] = [];
    const show = (kind: ToastKind) => (content: ReactNode) => {
      pending.push({ kind, content });
      setAsked((n) => n + 1);
    };
    const api: MessageApi = { success: show('success'), error: show('error'), info: show('info') };
    return { api, take: () => pending.splice(0) };
  });
  const { api, take } = queue;
  return (
    <MessageContext.Provider value={api}>
      {asked > 0 && (
        <Suspense fallback={null}>
          <ToastHost take={take} asked={asked} />
        </Suspense>
      )}
      {children}
    </MessageContext.Provider>
  );
}

export function useMessage(): MessageApi {
  return useContext(MessageContext);
}
