/** What the phone recorder offers to pick from: the published Q&A and the site's languages (a few KB, so a phone on a
 * slow link does not list every file through the git host). */
import type { APIRoute } from 'astro';
import { getSite } from '../../data/site';
import type { RecorderLists } from '../../lib/cms/recorder';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const lists: RecorderLists = {
    topics: site.topics.map((t) => ({ id: t.id, title: t.data.shortTitle })),
    qa: site.qa.map((q) => ({ id: q.id, question: q.data.question, topic: q.data.topic.id, lang: q.data.lang.id })),
    languages: site.languages.map((l) => ({ id: l.id, name: l.data.name })),
  };
  return new Response(JSON.stringify(lists), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
