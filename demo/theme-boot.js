// The association's dark mode, as a site with its own would switch it: ?theme=dark (see site.css). Run in <head>,
// before the first paint.
if (new URLSearchParams(location.search).get('theme') === 'dark') document.documentElement.dataset.theme = 'dark';
