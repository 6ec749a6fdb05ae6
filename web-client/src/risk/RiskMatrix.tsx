import type { Risk } from '../api/types';
import { useI18n } from '../lang';
import { levelOf, matrixCells, SCALE } from './riskModel';

/**
 * The 5 × 5 matrix: probability S upwards, consequence K to the right, each cell coloured by
 * its level and saying it in text too, with the risks that sit in it.
 */
export function RiskMatrix({ risks, onSelect }: { risks: readonly Risk[]; onSelect: (riskId: string) => void }) {
  const { t } = useI18n();
  const cells = matrixCells(risks);
  return (
    <figure class="risk-matrix card" aria-labelledby="risk-matrix-title">
      <figcaption>
        <h2 id="risk-matrix-title">{t('risk.matrix')}</h2>
        <p class="muted">{t('risk.matrixHint')}</p>
      </figcaption>
      <div class="matrix-grid" role="table" aria-label={t('risk.matrix')}>
        {SCALE.slice().reverse().map((probability) => (
          <div class="matrix-row" role="row" key={probability}>
            <span class="matrix-axis" role="rowheader">
              S {probability}
            </span>
            {SCALE.map((impact) => {
              const value = probability * impact;
              const level = levelOf(value);
              const here = cells.get(`${probability}-${impact}`) ?? [];
              const levelText = t(`risk.level.${level}`);
              return (
                <div
                  key={impact}
                  role="cell"
                  class={`matrix-cell level-${level.toLowerCase()}`}
                  data-testid={`cell-${probability}-${impact}`}
                  data-level={level}
                  aria-label={t('risk.matrixCell', { probability, impact, value, level: levelText })}
                >
                  <span class="cell-label" aria-hidden="true">
                    {value} · {levelText}
                  </span>
                  <span class="cell-risks">
                    {here.map((risk) => (
                      <button
                        type="button"
                        key={risk.id}
                        class="matrix-risk"
                        data-testid={`matrix-risk-${risk.id}`}
                        data-cell={`${probability}-${impact}`}
                        title={risk.threat}
                        onClick={() => onSelect(risk.id)}
                      >
                        {risk.id}
                      </button>
                    ))}
                  </span>
                </div>
              );
            })}
          </div>
        ))}
        <div class="matrix-row" role="row">
          <span class="matrix-axis" role="columnheader" />
          {SCALE.map((impact) => (
            <span class="matrix-axis" role="columnheader" key={impact}>
              K {impact}
            </span>
          ))}
        </div>
      </div>
    </figure>
  );
}

/** A risk's value over its assessments as a small line, its points coloured by level. */
export function Trend({ risk, points }: { risk: Risk; points: ReadonlyArray<{ value: number; level: string }> }) {
  const { t } = useI18n();
  const width = 88;
  const height = 28;
  const step = points.length > 1 ? (width - 8) / (points.length - 1) : 0;
  const y = (value: number) => height - 4 - ((value - 1) / 24) * (height - 8);
  const coords = points.map((p, i) => ({ x: 4 + i * step, y: y(p.value), level: p.level }));
  return (
    <svg
      class="trend"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      data-testid={`trend-${risk.id}`}
      aria-label={t('risk.trendLabel', { values: points.map((p) => p.value).join(' → ') })}
    >
      {coords.length > 1 && <polyline points={coords.map((c) => `${c.x},${c.y}`).join(' ')} />}
      {coords.map((c, i) => (
        <circle key={i} cx={c.x} cy={c.y} r={3} class={`dot level-${c.level.toLowerCase()}`} />
      ))}
    </svg>
  );
}
