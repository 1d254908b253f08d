/** The site's own styles for the editor's preview pane: the same tokens and rules resident pages inline. */
import type { APIRoute } from 'astro';
import tokens from '../../styles/tokens.css?raw';
import global from '../../styles/global.css?raw';

export const GET: APIRoute = () =>
  new Response(`${tokens}\n${global.replace(/^@import [^;]+;\s*/m, '')}`, {
    headers: { 'Content-Type': 'text/css; charset=utf-8' },
  });
