// Types of site-bundle.mjs (JavaScript: it runs in Astro's build process, without tsx).

export declare function siteBundleCacheDir(root: string, siteUrl?: string): string;
export declare function siteBundle(options: { root: string; siteUrl?: string; logLevel: string }): Promise<string>;
