/** Types of bin/launch.js (plain JavaScript, so the bin runs before anything is compiled). */
export declare const ROOT: string;
export declare function newestSource(root?: string, dirs?: string[]): { file: string; mtimeMs: number } | null;
export type Build = { kind: 'dist'; file: string } | { kind: 'sources'; file: string; reason: string };
export declare function chooseBuild(entry: string, root?: string): Build;
export declare function load(entry: string, note?: (text: string) => void): Promise<unknown>;
