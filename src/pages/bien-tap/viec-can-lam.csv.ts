/** The worklist as a spreadsheet (CSV), for stations that plan their recordings offline. */
import type { APIRoute } from 'astro';
import { siteWorklist } from '../../data/worklist';
import { absolute, urls } from '../../lib/urls';
import { worklistCsv } from '../../lib/worklist';

export const GET: APIRoute = async ({ site }) => {
  const { rows } = await siteWorklist();
  return new Response(
    worklistCsv(rows, (id) => absolute(urls.qa(id), site!)),
    { headers: { 'Content-Type': 'text/csv; charset=utf-8' } },
  );
};
