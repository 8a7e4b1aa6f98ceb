import DOMPurify from 'dompurify';

/**
 * The rule: every upstream field is text (Lit escapes it) unless the upstream documents it as HTML. Those
 * few fields (a mission's description, say) go through here and come back as a DOM fragment with only
 * harmless formatting left: no scripts, no styles, no event handlers, no forms, no iframes.
 */
const ALLOWED_TAGS = ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'a', 'blockquote', 'h3', 'h4'];
const ALLOWED_ATTR = ['href', 'title', 'lang'];

let hooked = false;
function purifier() {
  if (!hooked) {
    // Links open away from the embedding site and cannot reach back to it.
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A') {
        node.setAttribute('rel', 'noopener noreferrer nofollow');
        node.setAttribute('target', '_blank');
      }
    });
    hooked = true;
  }
  return DOMPurify;
}

export function sanitizeHtml(html: string): DocumentFragment {
  return purifier().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:)/i,
    RETURN_DOM_FRAGMENT: true,
  });
}

/** The plain text of an HTML field, for places where formatting has no room (a list, a title). */
export function htmlToText(html: string): string {
  return (sanitizeHtml(html).textContent ?? '').replace(/\s+/g, ' ').trim();
}
