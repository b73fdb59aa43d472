// Draws the admin page's charts from each canvas's data attributes: data-chart (doughnut or bar), data-labels and
// data-values (JSON arrays), and optionally data-colours (JSON array), data-series and data-x-title. Charts in the
// fragments htmx swaps in are drawn as they arrive; charts swapped out are destroyed first.
(() => {
  const palette = ['#4f46e5', '#0ea5e9', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#14b8a6', '#64748b'];
  const colours = (canvas, count) => {
    const given = canvas.dataset.colours ? JSON.parse(canvas.dataset.colours) : palette;
    return Array.from({length: count}, (_, i) => given[i % given.length]);
  };
  const config = (canvas) => {
    const labels = JSON.parse(canvas.dataset.labels);
    const values = JSON.parse(canvas.dataset.values);
    if (canvas.dataset.chart === 'bar') {
      return {
        type: 'bar',
        data: {labels, datasets: [{label: canvas.dataset.series || '', data: values, backgroundColor: colours(canvas, 1)[0]}]},
        options: {
          maintainAspectRatio: false,
          plugins: {legend: {display: false}},
          scales: {
            y: {beginAtZero: true, ticks: {precision: 0}},
            x: {title: {display: !!canvas.dataset.xTitle, text: canvas.dataset.xTitle || ''}}
          }
        }
      };
    }
    return {
      type: 'doughnut',
      data: {labels, datasets: [{data: values, backgroundColor: colours(canvas, labels.length)}]},
      options: {maintainAspectRatio: false, cutout: '60%', plugins: {legend: {position: 'bottom'}}}
    };
  };
  const canvases = (root) => {
    const found = Array.from(root.querySelectorAll ? root.querySelectorAll('canvas[data-chart]') : []);
    return root.matches && root.matches('canvas[data-chart]') ? [root, ...found] : found;
  };
  const draw = (root) => canvases(root).forEach((canvas) => {
    if (!Chart.getChart(canvas)) {
      new Chart(canvas, config(canvas));
    }
  });
  draw(document);
  document.addEventListener('htmx:load', (event) => draw(event.detail.elt));
  document.addEventListener('htmx:beforeSwap', (event) => {
    if (event.detail.shouldSwap) {
      canvases(event.detail.target).forEach((canvas) => Chart.getChart(canvas)?.destroy());
    }
  });
})();
