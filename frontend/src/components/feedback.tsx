import { createContext, useContext, type ReactNode } from 'react';
import { message as staticMessage } from 'antd';

type MessageApi = ReturnType<typeof staticMessage.useMessage>[0];

const MessageContext = createContext<MessageApi>(staticMessage);

/** Toasts that follow the app's theme and language. (Not antd's App: its
 *  modal and notification machinery would load on every first page; the two
 *  confirmations that need a modal use Modal.useModal() where they are.) */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [api, holder] = staticMessage.useMessage();
  return (
    <MessageContext.Provider value={api}>
      {holder}
      {children}
    </MessageContext.Provider>
  );
}

export function useMessage(): MessageApi {
  return useContext(MessageContext);
}
