interface ImportMetaEnv {
  /** The site is built with the residents' inbox (LOA_BAN_INBOX=1; astro.config.mjs defines it). */
  readonly LOA_BAN_INBOX: boolean;
}
