import type { Category, Highlight, RatingAggregate, Results } from '../api/types';
import { RadarChart } from '../charts/RadarChart';
import { formatDecimal, formatMean, formatPercent, meanAttribute } from '../format';
import type { MessageKey } from '../i18n';
import { useI18n } from '../lang';
import { categoriesOf, heatColour, heatTable, radarData, ratedCapabilities } from '../results';

function HighlightList({ kind, items }: { kind: 'strength' | 'weakness'; items: readonly Highlight[] }) {
  const { t, lang } = useI18n();
  const title: MessageKey = kind === 'strength' ? 'results.strengths' : 'results.weaknesses';
  const empty: MessageKey = kind === 'strength' ? 'results.noStrengths' : 'results.noWeaknesses';
  return (
    <section class={`highlights card highlights-${kind}`} aria-labelledby={`${kind}-title`}>
      <h3 id={`${kind}-title`}>{t(title)}</h3>
      {items.length === 0 ? (
        <p class="muted">{t(empty)}</p>
      ) : (
        <ol class="highlight-list" data-testid={kind === 'strength' ? 'strengths' : 'weaknesses'}>
          {items.map((h) => (
            <li
              key={h.capabilityId}
              data-testid={`${kind}-${h.capabilityId}`}
              data-mean={meanAttribute(h.mean)}
              data-count={String(h.count)}
            >
              <span class="highlight-name">{h.name[lang]}</span>
              <span class="highlight-figures">
                {t('results.highlightFigures', {
                  mean: formatMean(h.mean, lang),
                  agreement: formatPercent(h.agreement, lang),
                  count: h.count,
                  organisations: h.organisations,
                })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Heatmap({ results }: { results: Results }) {
  const { t, lang } = useI18n();
  const table = heatTable(results);
  if (table.rows.length === 0) return <p class="muted">{t('results.noRatings')}</p>;
  return (
    <>
      <div class="table-scroll" role="region" aria-labelledby="heatmap-caption" tabIndex={0}>
        <table class="heatmap" data-testid="heatmap">
          <caption id="heatmap-caption">{t('results.heatmapCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.capability')}</th>
              {table.organisations.map((o) => (
                <th scope="col" key={o}>
                  {o}
                </th>
              ))}
              <th scope="col" class="region-col">
                {t('results.region')}
              </th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map(({ capability, cells }) => (
              <tr key={capability.capabilityId} data-testid={`heat-row-${capability.capabilityId}`}>
                <th scope="row" class={capability.parentId ? 'sub' : undefined}>
                  {capability.name[lang]}
                </th>
                {cells.map((cell, i) => {
                  const organisation = table.organisations[i] ?? '';
                  const title =
                    cell.count === 0
                      ? t('results.cellEmpty', { organisation })
                      : t('results.cellTitle', {
                          organisation,
                          mean: formatMean(cell.mean, lang),
                          count: cell.count,
                          agreement: formatPercent(cell.agreement, lang),
                        });
                  return (
                    <td
                      key={organisation}
                      class={cell.lowAgreement ? 'heat-cell low-agreement' : 'heat-cell'}
                      style={{ backgroundColor: heatColour(cell.mean) }}
                      title={title}
                      data-testid={`heat-${organisation}-${capability.capabilityId}`}
                      data-mean={meanAttribute(cell.mean)}
                      data-count={String(cell.count)}
                      data-low-agreement={String(cell.lowAgreement)}
                    >
                      <span class="heat-mean">{cell.count === 0 ? '' : formatMean(cell.mean, lang)}</span>
                      {cell.lowAgreement && (
                        <span class="low-mark">
                          <span aria-hidden="true">≠</span>
                          <span class="visually-hidden">{t('results.lowAgreement')}</span>
                        </span>
                      )}
                    </td>
                  );
                })}
                <td
                  class="heat-cell region-col"
                  style={{ backgroundColor: heatColour(capability.region.mean) }}
                  data-testid={`heat-region-${capability.capabilityId}`}
                  data-mean={meanAttribute(capability.region.mean)}
                  data-count={String(capability.region.count)}
                >
                  <span class="heat-mean">{formatMean(capability.region.mean, lang)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="heat-legend" aria-hidden="true">
        <span>1</span>
        {[1, 2, 3, 4, 5].map((m) => (
          <span key={m} class="heat-swatch" style={{ backgroundColor: heatColour(m) }} />
        ))}
        <span>5</span>
        <span class="heat-legend-mark">
          <span class="heat-swatch low-agreement" style={{ backgroundColor: heatColour(3) }}>
            ≠
          </span>{' '}
          {t('results.lowAgreement')}
        </span>
      </div>
      <p class="muted small">{t('results.heatmapHelp')}</p>
    </>
  );
}

export function Figures({ rating }: { rating: RatingAggregate }) {
  const { lang } = useI18n();
  return (
    <>
      <td class="num">{rating.count}</td>
      <td class="num">{formatMean(rating.mean, lang)}</td>
      <td class="num">{formatDecimal(rating.median, lang, 1)}</td>
      <td class="num">{formatDecimal(rating.stddev, lang, 2)}</td>
      <td class="num">{formatPercent(rating.agreement, lang)}</td>
    </>
  );
}

/** Count, mean, median, spread and agreement: the table head both figure tables share. */
export function FigureHeads() {
  const { t } = useI18n();
  return (
    <>
      <th scope="col" class="num">
        {t('results.count')}
      </th>
      <th scope="col" class="num">
        {t('results.mean')}
      </th>
      <th scope="col" class="num">
        {t('results.median')}
      </th>
      <th scope="col" class="num">
        <abbr title={t('results.spreadHelp')}>{t('results.spread')}</abbr>
      </th>
      <th scope="col" class="num">
        <abbr title={t('results.agreementHelp')}>{t('results.agreement')}</abbr>
      </th>
    </>
  );
}

function FigureTable({ results, dimensionName }: { results: Results; dimensionName: (id: string) => string }) {
  const { t, lang } = useI18n();
  const rated = ratedCapabilities(results);
  if (rated.length === 0) return null;
  return (
    <div class="table-scroll" role="region" aria-labelledby="figures-caption" tabIndex={0}>
      <table class="figures" data-testid="results-table">
        <caption id="figures-caption">{t('results.figuresCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.capability')}</th>
            <FigureHeads />
          </tr>
        </thead>
        <tbody>
          {rated.flatMap((c) => [
            <tr
              key={c.capabilityId}
              data-testid={`result-${c.capabilityId}`}
              data-count={String(c.region.count)}
              data-mean={meanAttribute(c.region.mean)}
            >
              <th scope="row" class={c.parentId ? 'sub' : undefined}>
                {c.name[lang]}
              </th>
              <Figures rating={c.region} />
            </tr>,
            ...Object.entries(c.byDimension).map(([dimension, rating]) => (
              <tr key={`${c.capabilityId}/${dimension}`} class="dimension-row">
                <th scope="row" class="dimension">
                  {dimensionName(dimension)}
                </th>
                <Figures rating={rating} />
              </tr>
            )),
          ])}
        </tbody>
      </table>
    </div>
  );
}

export interface ResultsPanelProps {
  results: Results;
  categories: readonly Category[];
  dimensionName: (id: string) => string;
  /** Whether a refresh is under way (the figures shown are still valid). */
  refreshing?: boolean;
}

/** The capability picture: strengths and weaknesses, the heatmap, a radar per category, the figures. */
export function ResultsPanel({ results, categories, dimensionName, refreshing = false }: ResultsPanelProps) {
  const { t, lang } = useI18n();
  const radars = radarData(results, categoriesOf(results, categories), lang, t('results.region'));
  return (
    <section
      class="results"
      aria-labelledby="results-title"
      aria-busy={refreshing}
      data-testid="results"
      data-rating-count={String(results.ratingCount)}
    >
      <h2 id="results-title">{t('results.title')}</h2>
      <p class="muted">
        {t('results.summary', { count: results.ratingCount, organisations: results.organisations.length })}
      </p>
      <div class="highlight-grid">
        <HighlightList kind="strength" items={results.strengths} />
        <HighlightList kind="weakness" items={results.weaknesses} />
      </div>
      <h3>{t('results.heatmap')}</h3>
      <Heatmap results={results} />
      {radars.length > 0 && (
        <>
          <h3>{t('results.radars')}</h3>
          <div class="radar-grid">
            {radars.map((r) => (
              <RadarChart key={r.category.id} data={r} />
            ))}
          </div>
        </>
      )}
      <FigureTable results={results} dimensionName={dimensionName} />
    </section>
  );
}
