/** Layout shared by the pane's views, so each fits the pane's width (320 px in Excel). */

/** A dropdown's root slot: no wider than the pane, however long its options. */
export const FIT = { style: { maxWidth: '100%', minWidth: 0 } };
