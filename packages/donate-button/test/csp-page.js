// The element loaded as a site does: the CDN build, from the page's own origin.
await import('/dist/cdn/donate-button.js');
