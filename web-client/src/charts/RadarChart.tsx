import { useEffect, useRef } from 'preact/hooks';
import type { Chart as ChartType, ChartConfiguration } from 'chart.js';
import { formatMean } from '../format';
import { useI18n } from '../lang';
import { wrapLabel, type RadarData } from '../results';

/** Distinct, colour-blind-friendly line colours (Okabe–Ito), the region first. */
const COLOURS = ['#1f4e5f', '#d55e00', '#0072b2', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'];

function config(data: RadarData): ChartConfiguration<'radar', Array<number | null>, string[]> {
  return {
    type: 'radar',
    data: {
      labels: data.axes.map((axis) => wrapLabel(axis)),
      datasets: data.series.map((s, i) => {
        const colour = COLOURS[i % COLOURS.length] ?? '#1f4e5f';
        return {
          label: s.label,
          data: s.values,
          borderColor: colour,
          backgroundColor: i === 0 ? `${colour}33` : 'transparent',
          fill: i === 0,
          borderWidth: i === 0 ? 3 : 2,
          borderDash: i === 0 ? [] : [6, 3],
          pointRadius: 3,
          spanGaps: true,
        };
      }),
    },
    options: {
      responsive: true,
      maintainAspectRatio: true,
      aspectRatio: 1.1,
      animation: { duration: 300 },
      scales: {
        r: {
          min: 0,
          max: 5,
          ticks: { stepSize: 1, backdropColor: 'transparent' },
          pointLabels: { font: { size: 11 } },
        },
      },
      plugins: { legend: { position: 'bottom' } },
    },
  };
}

/**
 * One category's radar. Chart.js is loaded on first use and the chart is updated in place
 * when the figures change, so a live update does not flicker.
 */
export function RadarChart({ data }: { data: RadarData }) {
  const { t, lang } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<ChartType<'radar', Array<number | null>, string[]> | null>(null);
  const signature = JSON.stringify([data.axes, data.series]);

  useEffect(() => {
    let cancelled = false;
    void import('./chartSetup').then(({ Chart }) => {
      if (cancelled || !canvas.current) return;
      const next = config(data);
      if (chart.current) {
        chart.current.data = next.data;
        chart.current.update();
      } else {
        chart.current = new Chart(canvas.current, next);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [signature]);

  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );

  const description = data.series
    .map((s) => `${s.label}: ${s.values.map((v, i) => `${data.axes[i] ?? ''} ${formatMean(v, lang)}`).join(', ')}`)
    .join('. ');
  return (
    <figure class="radar card" data-testid={`radar-${data.category.id}`}>
      <figcaption>{data.category.name[lang]}</figcaption>
      <div class="radar-canvas">
        <canvas ref={canvas} role="img" aria-label={t('results.radarLabel', { category: data.category.name[lang], values: description })} />
      </div>
    </figure>
  );
}
