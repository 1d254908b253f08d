/** An SVG as a `data:` URL, so a small icon costs no request. Percent-encoded rather than base64 (shorter, and still
 * gzip-friendly): only the characters a URL (spaces included, which the W3C checker refuses) or an HTML attribute
 * cannot carry are escaped. */
export function svgDataUrl(svg: string): string {
  const encoded = svg
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/"/g, "'")
    .replace(/[%#<>?[\\\]^`{|}\n\r\t& ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `data:image/svg+xml,${encoded}`;
}
