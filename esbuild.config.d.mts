/** Types of esbuild.config.mjs (plain JavaScript, so `npm run build:server` needs no compiler first). */
import type { BuildOptions, BuildResult } from 'esbuild';

/** The packages left in node_modules rather than bundled. */
export declare const EXTERNAL: string[];
export declare function serverBuildOptions(outdir?: string): BuildOptions;
export declare function buildServer(outdir?: string): Promise<BuildResult>;
