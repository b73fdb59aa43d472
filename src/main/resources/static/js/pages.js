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

// "Copy" next to a read-only field (data-copy names the field): copies its text, or selects it where the clipboard
// is not available, so the visitor can copy it by hand.
document.addEventListener('click', (event) => {
  const copy = event.target.closest('[data-copy]');
  if (!copy) {
    return;
  }
  const field = document.getElementById(copy.dataset.copy);
  if (!field) {
    return;
  }
  field.select();
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).then(() => { copy.textContent = 'Copied'; }, () => {});
  }
});
