/** The HTML sanitizer (DOMPurify), fetched only when a source gives descriptions as HTML alone. */
export {sanitizeHtml} from '@lien/core/sanitize.js';
