// Adds the article 500 ms after load, as infinite scroll and single-page apps do.
window.addEventListener('load', () => {
  setTimeout(() => {
    const article = document.getElementById('later').content.cloneNode(true);
    document.getElementById('main').prepend(article);
    document.documentElement.dataset.articleAdded = 'true';
  }, 500);
});
