// Draws the admin page's doughnuts from the data-labels and data-values (JSON arrays) of each canvas.
(() => {
  const palette = ['#4f46e5', '#0ea5e9', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#14b8a6', '#64748b'];
  document.querySelectorAll('canvas[data-chart="doughnut"]').forEach((canvas) => {
    const labels = JSON.parse(canvas.dataset.labels);
    const values = JSON.parse(canvas.dataset.values);
    new Chart(canvas, {
      type: 'doughnut',
      data: {labels, datasets: [{data: values, backgroundColor: labels.map((_, i) => palette[i % palette.length])}]},
      options: {maintainAspectRatio: false, cutout: '60%', plugins: {legend: {position: 'bottom'}}}
    });
  });
})();
