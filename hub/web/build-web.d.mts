/** Builds the hub's web app into `outdir` (build-web.mjs). */
export function buildWeb(options: { outdir: string; minify?: boolean }): Promise<void>;
