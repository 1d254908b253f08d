/** The editing app's configuration, generated from the collections' zod schemas at every build (src/data/cms.ts), so
 * it can never fall behind them. */
import type { APIRoute } from 'astro';
import yaml from 'js-yaml';
import { editorConfig } from '../../data/cms';

export const GET: APIRoute = ({ site }) =>
  new Response(yaml.dump(editorConfig(process.env, site!.href), { noRefs: true, lineWidth: 120 }), {
    headers: { 'Content-Type': 'text/yaml; charset=utf-8' },
  });
