/** Types for dist.mjs (plain JavaScript so it runs before anything is compiled). */
export declare const root: string;
export declare const distMain: string;
export declare function distIsFresh(): boolean;
export declare function build(): number;
