/**
 * `npm run test:e2e`: the built task pane (dist/addin) in headless Chromium against the real service. Not part
 * of `npm test`: it needs the build and a browser (Debian's /usr/bin/chromium, or CHROMIUM_PATH).
 */
import base from '../../jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...base,
  rootDir: '../..',
  testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 240000,
  maxWorkers: 1,
};
