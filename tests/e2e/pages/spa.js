// A single-page app: after load it "navigates" to another article by swapping the view and
// pushing a history entry, without a page load; going back swaps the first article in again.
function show(id) {
  const view = document.getElementById('view');
  view.replaceChildren(document.getElementById(`page-${id}`).content.cloneNode(true));
  document.documentElement.dataset.spaPage = id;
}
window.addEventListener('load', () => {
  setTimeout(() => {
    history.pushState({ page: '004' }, '', '#/004');
    show('004');
  }, 300);
});
window.addEventListener('popstate', (ev) => show(ev.state?.page ?? '000'));
