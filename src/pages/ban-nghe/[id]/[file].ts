/** A recording's files at stable URLs beside its page: the original MP3, the phone copy and the plain-text
 * transcript (see src/lib/urls.ts). Bytes come from src/data/audio.ts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getAudio } from '../../../data/audio';

export const getStaticPaths = (async () => {
  const all = await getAudio();
  return all.flatMap((a) => {
    const id = a.recording.id;
    return [
      { params: { id, file: `${id}.mp3` }, props: { body: a.original } },
      { params: { id, file: `${id}-tiet-kiem.mp3` }, props: { body: a.dataSaver } },
      { params: { id, file: `${id}.txt` }, props: { body: new TextEncoder().encode(a.transcript) } },
    ];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { body: Uint8Array<ArrayBuffer> }).body);
