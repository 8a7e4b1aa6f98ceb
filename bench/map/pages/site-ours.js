// The site's path, ours: once the element's map exists, the bench's moves can drive it (harness.js), and
// "everything loaded" is the element's own `drawn` after its places arrived.
import {installOurs} from './harness.js';

const el = document.querySelector('access-map');
await customElements.whenDefined('access-map');
await installOurs(el);
// Places have arrived once `lien-load` said how many; then `drawn` says the list and every zoom are done.
await new Promise((resolve) => (window.siteCount !== undefined ? resolve() : el.addEventListener('lien-load', resolve, {once: true})));
await el.drawn;
performance.mark('bench-site-loaded');
window.siteLoaded = performance.now();
