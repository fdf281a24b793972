/** A fault or a result, as an Office message bar the screen reader announces. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export interface Notice {
  intent: 'error' | 'warning' | 'success' | 'info';
  title: string;
  body: string;
}

export function NoticeBar({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} layout="multiline" data-testid={`notice-${notice.intent}`}>
      <MessageBarBody>
        <MessageBarTitle>{notice.title}</MessageBarTitle> {notice.body}
      </MessageBarBody>
    </MessageBar>
  );
}
