/** The picture Zalo and Facebook show when a page is shared (og:image): the loudspeaker mark on the brand colour,
 * rendered by sharp at build time. No text in it: the page title and description travel beside it, and a build
 * machine without Vietnamese fonts would draw boxes. */
import type { APIRoute } from 'astro';
import sharp from 'sharp';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="#8a1f11"/>
  <rect x="0" y="560" width="1200" height="70" fill="#f3f2f1"/>
  <g transform="translate(420 135) scale(11)">
    <path d="M7 13h5l7-5v16l-7-5H7z" fill="#fff"/>
    <path d="M22 11a7 7 0 0 1 0 10" stroke="#fff" stroke-width="2" fill="none"/>
    <path d="M25 8a11 11 0 0 1 0 16" stroke="#fff" stroke-width="2" fill="none"/>
  </g>
</svg>`;

export const GET: APIRoute = async () =>
  new Response(new Uint8Array(await sharp(Buffer.from(svg)).png({ palette: true }).toBuffer()), {
    headers: { 'content-type': 'image/png' },
  });
