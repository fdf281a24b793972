/**
 * The ribbon's function file (manifest FunctionFile). The Home-tab button opens the task pane (ShowTaskpane),
 * which needs no code; Office still loads this page, and it must call Office.onReady.
 */
import { ensureOfficeJs } from '../taskpane/office.js';

ensureOfficeJs()
  .then(() => Office.onReady())
  .catch(() => undefined);
