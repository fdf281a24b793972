/** Types of bin/launch.js (plain JavaScript, so the bin runs before anything is compiled). */
export declare const ROOT: string;
/** The programs dist/server/ holds, and the TypeScript entry each is bundled from. */
export declare const PROGRAMS: { readonly cli: string; readonly service: string };
export type Program = keyof typeof PROGRAMS;
export declare function newestSource(root?: string, dirs?: string[]): { file: string; mtimeMs: number } | null;
export type Build = { kind: 'dist'; file: string } | { kind: 'sources'; file: string; reason: string };
export declare function chooseBuild(name: Program, root?: string): Build;
export declare function load(name: Program, note?: (text: string) => void): Promise<unknown>;
