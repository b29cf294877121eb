// @ts-nocheck -- checked by Astro's own build: 'astro:content' exists only inside an Astro project, not for the repository's tsc.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  items: defineCollection({ loader: glob({ pattern: '**/*.md', base: process.env.BENCH_CONTENT_DIR ?? '../data/1000/strategy' }) }),
};
