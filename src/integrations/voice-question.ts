/** The voice-question page exists only when the site is built with the residents' inbox (LOA_BAN_INBOX=1): without
 * the service there is nowhere to send a recording, so the route is not injected and no page links to it. */
import type { AstroIntegration } from 'astro';
import { siteInbox } from '../inbox/config';
import { voiceQuestionUrls } from '../lib/urls';

export default function voiceQuestion(): AstroIntegration {
  return {
    name: 'loa-ban:voice-question',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        if (!siteInbox().enabled) return;
        injectRoute({
          pattern: voiceQuestionUrls.page,
          entrypoint: new URL('../routes/voice-question.astro', import.meta.url),
          prerender: true,
        });
      },
    },
  };
}
