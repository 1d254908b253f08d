/** Who signs what the site hands out (printed material, PDFs, the offline copy): the issuing body from the
 * settings, or the site name where a province sets none. Typed to take settings with or without an issuer, so it
 * works whether the schema makes the field required or optional. */
export function issuerName(settings: { issuer?: string | undefined; siteName: string }): string {
  return settings.issuer?.trim() || settings.siteName;
}
