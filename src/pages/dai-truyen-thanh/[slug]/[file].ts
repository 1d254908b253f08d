/** A language's station files: podcast feed, M3U playlist, ZIP bundle and all transcripts as text. Only for
 * languages with recordings; the language page says when there are none. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { audioInLanguage } from '../../../data/audio';
import { languageBundle, languageFeed, languagePlaylist, languageTranscripts } from '../../../data/station';
import { getSite } from '../../../data/site';
import { audioUrls } from '../../../lib/urls';

type Kind = 'feed' | 'playlist' | 'bundle' | 'transcripts';
const last = (path: string) => path.slice(path.lastIndexOf('/') + 1);

export const getStaticPaths = (async () => {
  const site = await getSite();
  const paths = [];
  for (const language of site.languages) {
    if ((await audioInLanguage(language.id)).length === 0) continue;
    const slug = language.data.slug;
    for (const kind of ['feed', 'playlist', 'bundle', 'transcripts'] as const) {
      paths.push({ params: { slug, file: last(audioUrls[kind](slug)) }, props: { kind, languageId: language.id } });
    }
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { kind, languageId } = props as { kind: Kind; languageId: string };
  const url = site!;
  switch (kind) {
    case 'feed':
      return new Response(await languageFeed(languageId, url), {
        headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
      });
    case 'playlist':
      return new Response(await languagePlaylist(languageId, url), {
        headers: { 'content-type': 'audio/x-mpegurl; charset=utf-8' },
      });
    case 'bundle':
      return new Response((await languageBundle(languageId, url)) as Uint8Array<ArrayBuffer>, {
        headers: { 'content-type': 'application/zip' },
      });
    case 'transcripts':
      return new Response(await languageTranscripts(languageId), {
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
  }
};
