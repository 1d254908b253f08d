/** The site's own styles (the tokens and rules resident pages inline) for the editor's preview pane and the phone
 * recorder, plus the few rules of the editors' pages. */
import type { APIRoute } from 'astro';
import tokens from '../../styles/tokens.css?raw';
import global from '../../styles/global.css?raw';
import editor from '../../styles/editor.css?raw';

export const GET: APIRoute = () =>
  new Response(`${tokens}\n${global.replace(/^@import [^;]+;\s*/m, '')}\n${editor}`, {
    headers: { 'Content-Type': 'text/css; charset=utf-8' },
  });
