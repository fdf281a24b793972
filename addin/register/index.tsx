/**
 * The register page (`/` on the service): the partnership's register versions, their sign-off status, and for
 * a chosen version its partners, commitments, role matrix, issues, changes and MoU appendix downloads. Its own
 * webpack entry, so the task pane's JavaScript does not grow; it reuses the pane's sign-in and API client.
 */
import { createRoot } from 'react-dom/client';
import { RegisterApp } from './RegisterApp.js';

createRoot(document.getElementById('root')!).render(<RegisterApp />);
