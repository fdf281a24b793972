/**
 * Security headers (helmet): a content security policy for the task pane that Office may frame, and no
 * X-Frame-Options (it cannot allow-list Office's hosts; frame-ancestors does).
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** Hosts allowed to frame the task pane: Office on the web and desktop. */
export const OFFICE_FRAME_ANCESTORS = [
  "'self'",
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft.com',
  'https://*.sharepoint.com',
  // Excel on the web hosts the task pane in a frame served from officeapps.live.com.
  'https://*.officeapps.live.com',
];

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", 'https://appsforoffice.microsoft.com'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'https://login.microsoftonline.com'],
        frameAncestors: OFFICE_FRAME_ANCESTORS,
        frameSrc: ["'self'", 'https://login.microsoftonline.com'],
        // Plain http is served when there are no dev certificates: do not force https sub-resources.
        upgradeInsecureRequests: null,
      },
    },
    // X-Frame-Options cannot allow-list hosts and would stop the task pane loading inside Office:
    // frame-ancestors above does the job.
    frameguard: false,
    // Office loads the add-in's icons cross-origin (Excel on the web shows them from its own origin): the
    // add-in's files may be embedded anywhere; the API's answers only by its own pages (apiResourcePolicy).
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
}

/**
 * Cross-Origin-Resource-Policy: same-origin on the API: another site cannot embed its answers (an image or
 * script tag). Calls from the allowed origins are CORS requests, which this policy does not touch.
 */
export function apiResourcePolicy(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    next();
  };
}
