// Small behaviours of the pages, kept out of the markup so the Content-Security-Policy can forbid inline script.
document.addEventListener('click', (event) => {
  const close = event.target.closest('[data-close]');
  if (close) {
    const panel = document.getElementById(close.dataset.close);
    if (panel) {
      panel.replaceChildren();
    }
  }
  // A button that asks the fragments listening for an event (e.g. sync-refresh on the admin page) to reload.
  const refresh = event.target.closest('[data-refresh]');
  if (refresh && window.htmx) {
    window.htmx.trigger(document.body, refresh.dataset.refresh);
  }
});
