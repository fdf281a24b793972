/**
 * What the register page says when a call fails: the add-in's one wording of each fault (../faultMessages.ts),
 * without the pane's workbook reassurance: the page has no workbook, and it only reads registers (and sends a
 * file to verify), so nothing is lost by a failure.
 */
import { faultMessageIn, type FaultMessage } from '../faultMessages.js';

export type { FaultMessage };

export function registerFault(err: unknown, action: string): FaultMessage {
  return faultMessageIn('register-page', err, action);
}
