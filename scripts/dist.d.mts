/** Types for dist.mjs (plain JavaScript so it runs before anything is compiled). */
export declare const root: string;
export declare const distMain: string;
export declare function distIsFresh(): boolean;
export declare function build(): number;
/** Packages the bundle leaves in node_modules. */
export declare const EXTERNAL: readonly string[];
/** Bundles src/main.ts and src/cli.ts into `outdir`; esbuild's result with its metafile. */
export declare function bundle(outdir: string): import('esbuild').BuildResult<{ metafile: true }>;
