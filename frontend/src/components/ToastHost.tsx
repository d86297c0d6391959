import { useEffect, type ReactNode } from 'react';
import { message } from 'antd';
import type { Toast, ToastKind } from './feedback';

/** Shows the toasts asked for so far (feedback.tsx), inside the app's
 *  ConfigProvider; stays mounted once the first toast has been asked for. */
export default function ToastHost({ take, asked }: { take: () => Toast[]; asked: number }) {
  const [api, holder] = message.useMessage();
  useEffect(() => {
    for (const t of take()) void api[t.kind](t.content);
  }, [api, take, asked]);
  return holder;
}

export function staticToast(kind: ToastKind, content: ReactNode): void {
  void message[kind](content);
}
