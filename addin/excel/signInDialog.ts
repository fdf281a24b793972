/**
 * What Entra sign-in (addin/taskpane/auth/entraTokens.ts) asks of Office: whether Office supports nested app
 * authentication, and where it does not, the Office dialog that runs the sign-in and sends the token back.
 */

/** Whether the page runs inside Office at all (the register page in a browser does not). */
export function inOffice(): boolean {
  return typeof Office !== 'undefined';
}

/** Whether Office supports nested app authentication (NestedAppAuth 1.1). */
export function nestedAuthSupported(): boolean {
  return inOffice() && Boolean(Office.context?.requirements?.isSetSupported?.('NestedAppAuth', '1.1'));
}

/**
 * Opens `url` in an Office dialog and resolves with what the dialog sends back as `token:...`; rejects with its
 * `error:...`, or when it does not open or is closed.
 */
export function signInInDialog(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { height: 60, width: 30 }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new Error(`The sign-in dialog did not open: ${opened.error.message}`));
        return;
      }
      const dialog = opened.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        const message = 'message' in arg ? String(arg.message) : '';
        if (message.startsWith('token:')) resolve(message.slice('token:'.length));
        else reject(new Error(message.startsWith('error:') ? message.slice(6) : 'Sign-in was cancelled.'));
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => reject(new Error('Sign-in was cancelled.')));
    });
  });
}

/** From inside the dialog: the token, or why sign-in failed, to the pane that opened it. */
export function sendToPane(message: `token:${string}` | `error:${string}`): void {
  Office.context.ui.messageParent(message);
}
