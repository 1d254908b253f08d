/** robots.txt with the absolute sitemap URL, which depends on SITE_URL, so it is built rather than kept in public/. */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('astro.config.mjs: thiếu "site" (SITE_URL), không tạo được robots.txt.');
  const body = ['User-agent: *', 'Allow: /', '', `Sitemap: ${new URL('sitemap-index.xml', site).href}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
