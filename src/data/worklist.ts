/** The worklist's input from the loaded site (src/lib/worklist.ts does the rest). */
import { getSite } from './site';
import { periodStatus } from '../lib/period';
import { worklist, type WorkRow } from '../lib/worklist';

/** `today` is the build's day: "ended" means ended when the site was built (a topic without a period never ends). */
export async function siteWorklist(today = new Date()): Promise<{ rows: WorkRow[]; languages: Map<string, string> }> {
  const site = await getSite();
  const topicOrder = new Map(site.topics.map((t, i) => [t.id, i]));
  const rows = worklist(
    site.qa.map((q) => {
      const topic = site.topic(q.data.topic.id);
      const data = q.data as typeof q.data & { translationOf?: { id: string } };
      return {
        id: q.id,
        question: q.data.question,
        topic: topic.id,
        topicTitle: topic.data.shortTitle,
        topicOrder: topicOrder.get(topic.id)!,
        order: q.data.order,
        lang: q.data.lang.id,
        translationOf: data.translationOf?.id,
        campaignEnded: !!topic.data.period && periodStatus(topic.data.period, today) === 'ended',
      };
    }),
    site.audio.map((r) => ({
      qa: site.qaOfRecording(r.id).map((q) => q.id),
      lang: r.data.lang.id,
      machineRead: r.data.machineRead,
    })),
    site.languages.map((l) => l.id),
  );
  return { rows, languages: new Map(site.languages.map((l) => [l.id, l.data.name])) };
}
