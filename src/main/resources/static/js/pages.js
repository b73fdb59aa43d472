// Small behaviours of the pages, kept out of the markup so the Content-Security-Policy can forbid inline script.
document.addEventListener('click', (event) => {
  const close = event.target.closest('[data-close]');
  if (close) {
    const panel = document.getElementById(close.dataset.close);
    if (panel) {
      panel.replaceChildren();
    }
  }
});
