import type { ReactNode } from 'react';
import { Collapse } from 'antd';

/** A section that a phone shows folded (tap to open), so the page starts
 *  with what the user has to do; on a wide screen it is simply shown. */
export default function Fold({ phone, title, testId, children }: { phone: boolean; title: ReactNode; testId?: string; children: ReactNode }) {
  if (!phone) return <>{children}</>;
  return <Collapse size="small" className="fold" data-testid={testId} items={[{ key: 'x', label: title, children }]} destroyOnHidden />;
}
