// Types for build-stamp.mjs, which stays plain JavaScript so `npm start` runs it without a transform.
export declare const projectRoot: string
export declare const distDir: string
export declare const stampFile: string
/** What the build must contain, for a start to rely on it. */
export declare const BUILD_OUTPUTS: string[]
/** The hash of every source file's name and content, in a stable order. */
export declare function sourceHash(): string
/** Why the build cannot be used as it is (in Vietnamese, for the start-up log), or undefined when it can. */
export declare function staleReason(): string | undefined
export declare function writeStamp(sources: string): void
export declare function removeStamp(): void
