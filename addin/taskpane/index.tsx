/**
 * The task pane's entry: Office.js (CDN, else the service's copy), then the pane over the Office.js gateway
 * when the host is Excel. In the sign-in dialog (Entra without nested app authentication) it runs the sign-in
 * instead. Outside Excel it says where to go.
 */
import { FluentProvider, makeStyles, Text, tokens, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { inExcel } from '../excel/office.js';

const root = createRoot(document.getElementById('root')!);

const useStyles = makeStyles({
  message: { display: 'block', padding: tokens.spacingHorizontalM, margin: 0 },
});

function Message({ text }: { text: string }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <Text as="p" className={styles.message}>
        {text}
      </Text>
    </FluentProvider>
  );
}

async function start(): Promise<void> {
  const excel = await inExcel();
  const { isSignInDialog } = await import(/* webpackChunkName: "entra" */ './auth/entraTokens.js');
  if (isSignInDialog()) {
    const { createPublicApi } = await import('../api/client.js');
    const config = await createPublicApi().signInConfig();
    if (config.entra) {
      const { runSignInDialog } = await import(/* webpackChunkName: "entra" */ './auth/entraTokens.js');
      await runSignInDialog(config.entra);
    }
    return;
  }
  if (!excel) {
    root.render(
      <Message text="This is the ODA register add-in for Excel: open it from Excel's Home tab. To try it in a browser, open /harness.html on a development service." />,
    );
    return;
  }
  const { createOfficeGateway } = await import(/* webpackChunkName: "excel" */ '../excel/officeGateway.js');
  root.render(<App gateway={createOfficeGateway()} />);
}

start().catch((err: unknown) => {
  root.render(<Message text={`The add-in could not start: ${err instanceof Error ? err.message : String(err)}`} />);
});
