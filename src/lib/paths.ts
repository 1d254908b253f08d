import { resolve } from 'node:path';

/** Where content lives: set (absolute) by astro.config.mjs; tests and benchmarks point LOA_BAN_CONTENT elsewhere. */
export const contentDir = resolve(process.env['LOA_BAN_CONTENT'] ?? 'content');
