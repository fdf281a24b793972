/**
 * The register page's spacing that its sections repeat, in Fluent tokens (the page's base look is the
 * stylesheet in register.html; these atomic classes outrank its element rules).
 */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useSpacing = makeStyles({
  /** A section's first paragraph, flush under its heading. */
  lead: { marginTop: 0 },
  flush: { margin: 0 },
  /** A block a little below the one before it. */
  below: { marginTop: tokens.spacingVerticalS },
  /** A block further below, a new part of the section (a details, a second table). */
  part: { marginTop: tokens.spacingVerticalM },
  /** A small heading inside a section: a gap above, hardly any below. */
  subheading: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}` },
  /** A list's or section's title: a gap above only. */
  sectionTitle: { margin: `${tokens.spacingVerticalS} 0 0` },
  /** The sign-off summary's first line. */
  summary: { margin: `0 0 ${tokens.spacingVerticalSNudge}` },
  /** The list of differences under a verification verdict. */
  differences: { margin: `${tokens.spacingVerticalXS} 0 0` },
  /** An organisation's name over its issues. */
  organisation: {
    fontSize: tokens.fontSizeBase300,
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalSNudge}`,
  },
  /** Text naming an e-mail address or a digest: it breaks anywhere rather than run off a phone's screen. */
  wrap: { overflowWrap: 'anywhere' },
  /** A chart's drawing: a block, its labels may reach past its box. */
  chart: { display: 'block', overflow: 'visible' },
  /** A stake's bar under its number, right-aligned like the number. */
  stakeBar: { display: 'block', marginLeft: 'auto' },
});
