import { Tag } from 'antd';
import type { ReactNode } from 'react';

export type StatusKind = 'ok' | 'warn' | 'info' | 'neutral';

// A tag in one of a few colour pairs chosen for WCAG AA contrast (styles.css .tag-*);
// antd's preset green/orange tags are too light for small text.
export function StatusTag({ kind, children, testId }: { kind: StatusKind; children: ReactNode; testId?: string }) {
  return (
    <Tag className={`tag-${kind}`} data-testid={testId}>
      {children}
    </Tag>
  );
}
