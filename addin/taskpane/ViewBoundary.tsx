/**
 * Never a blank pane: a view whose code or rendering fails shows what happened and a Retry button instead of
 * a white page (the other tabs keep working).
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';

interface Props {
  /** The view's name, for the message ("The Sign off view"). */
  name: string;
  /** Called before rendering again (to load the view's code afresh). */
  onRetry?: () => void;
  children: ReactNode;
}

export class ViewBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline" data-testid="view-failed">
        <MessageBarBody>
          <MessageBarTitle>The {this.props.name} view could not open</MessageBarTitle> It may need the service, which
          cannot be reached now ({error.message}). Your workbook is unchanged; the other tabs still work.
        </MessageBarBody>
        <MessageBarActions>
          <Button
            onClick={() => {
              this.props.onRetry?.();
              this.setState({ error: null });
            }}
          >
            Retry
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
