// Starts Pagefind's default search UI on the search page (a file, not an inline script: see the CSP).
// A ?q= in the address (the front page's search form) starts a search at once.
window.addEventListener('DOMContentLoaded', function () {
  if (typeof PagefindUI !== 'function') return;
  var ui = new PagefindUI({ element: '#search', showSubResults: true, showImages: false, autofocus: false });
  var query = new URLSearchParams(window.location.search).get('q');
  if (query) ui.triggerSearch(query);
});
