// Types of model-owners.mjs (plain JavaScript so that eslint.config.mjs can import it).
export declare const SHARED: "shared";
export declare const INFRA: "infra";
export declare const MODEL_OWNERS: Record<string, readonly string[] | typeof SHARED | typeof INFRA>;
export declare const MODEL_EXCEPTIONS: ReadonlyArray<{ files: readonly string[]; models: readonly string[] }>;
export declare function delegateOf(model: string): string;
