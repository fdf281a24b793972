/**
 * The ribbon's function file (manifest FunctionFile). The Home-tab button opens the task pane (ShowTaskpane),
 * which needs no code; Office still loads this page, and it must call Office.onReady.
 */
import { officeHost } from '../excel/office.js';

officeHost().catch(() => undefined);
