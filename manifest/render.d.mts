/** Types of manifest/render.mjs (plain JavaScript so webpack.config.js can import it). */
export declare const DEV_BASE_URL: string;
export declare function normaliseBaseUrl(baseUrl: string): string;
export declare function manifestVersion(packageVersion: string): string;
export declare function renderManifest(xml: string, baseUrl: string | undefined | null): string;
export declare function devManifest(xml: string, port: string | number | undefined): string;
