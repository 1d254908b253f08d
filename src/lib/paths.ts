import { resolve } from 'node:path';

/** Where content lives. Tests and benchmarks point LOA_BAN_CONTENT at a generated folder; the site uses ./content. */
export const contentDir = resolve(process.env.LOA_BAN_CONTENT ?? 'content');
