/**
 * What the pane says when something fails: the add-in's one wording of each fault (../faultMessages.ts), in
 * the pane's words, each naming what to do and saying that the workbook is unchanged.
 */
import { faultMessageIn, type FaultMessage } from '../faultMessages.js';

export type { FaultMessage };

export function faultMessage(err: unknown, action = 'That'): FaultMessage {
  return faultMessageIn('pane', err, action);
}
