import type { CapabilityResult, Category, HeatCell, LocalizedText, Results } from './api/types';
import type { Lang } from './i18n';

/** Light tints, so dark text stays readable (contrast ≥ 7:1 with the ink colour) on every one. */
const LOW: readonly [number, number, number] = [0xf6, 0xb0, 0xa8];
const MID: readonly [number, number, number] = [0xfa, 0xe3, 0x9c];
const HIGH: readonly [number, number, number] = [0xa9, 0xd8, 0xa6];
export const NO_DATA_COLOUR = '#eef1f2';

function mix(a: readonly number[], b: readonly number[], t: number): string {
  const channel = (i: number) => Math.round((a[i] ?? 0) + ((b[i] ?? 0) - (a[i] ?? 0)) * t);
  return `#${[0, 1, 2].map((i) => channel(i).toString(16).padStart(2, '0')).join('')}`;
}

/** The fill of a heatmap cell: red at 1 through yellow at 3 to green at 5; grey without ratings. */
export function heatColour(mean: number | null): string {
  if (mean === null) return NO_DATA_COLOUR;
  const m = Math.min(5, Math.max(1, mean));
  return m <= 3 ? mix(LOW, MID, (m - 1) / 2) : mix(MID, HIGH, (m - 3) / 2);
}

export interface HeatRow {
  capability: CapabilityResult;
  /** One cell per organisation, in `organisations` order. */
  cells: HeatCell[];
}

export interface HeatTable {
  organisations: readonly string[];
  rows: HeatRow[];
}

const EMPTY_CELL: HeatCell = { count: 0, mean: null, agreement: null, lowAgreement: false };

/**
 * The heatmap turned for reading: one row per capability that has ratings (in model order),
 * one column per organisation. The server's heatmap has organisations as rows.
 */
export function heatTable(results: Results): HeatTable {
  const { organisations, capabilityIds, rows } = results.heatmap;
  const byId = new Map(results.capabilities.map((c) => [c.capabilityId, c]));
  const table: HeatRow[] = [];
  capabilityIds.forEach((id, column) => {
    const capability = byId.get(id);
    if (!capability || capability.region.count === 0) return;
    table.push({ capability, cells: organisations.map((_, row) => rows[row]?.[column] ?? EMPTY_CELL) });
  });
  return { organisations, rows: table };
}

export interface RadarSeries {
  label: string;
  /** One value per axis; null where there is no rating. */
  values: Array<number | null>;
}

export interface RadarData {
  category: Category;
  axes: string[];
  axisIds: string[];
  series: RadarSeries[];
}

/** How many organisations a radar draws besides the region before it gets unreadable. */
export const MAX_RADAR_ORGANISATIONS = 6;

/**
 * One radar per category: the category's top-level capabilities as axes, the region and
 * (while they are few) each organisation as series. A radar needs three axes; a category with
 * fewer top-level capabilities, or with no ratings at all, gets none.
 */
export function radarData(results: Results, categories: readonly Category[], lang: Lang, regionLabel: string): RadarData[] {
  const charts: RadarData[] = [];
  for (const category of categories) {
    const axes = results.capabilities.filter((c) => c.category === category.id && c.parentId === null);
    if (axes.length < 3 || axes.every((c) => c.region.count === 0)) continue;
    const series: RadarSeries[] = [{ label: regionLabel, values: axes.map((c) => c.region.mean) }];
    if (results.organisations.length > 1 && results.organisations.length <= MAX_RADAR_ORGANISATIONS) {
      for (const organisation of results.organisations) {
        series.push({ label: organisation, values: axes.map((c) => c.byOrganisation[organisation]?.mean ?? null) });
      }
    }
    charts.push({ category, axes: axes.map((c) => c.name[lang]), axisIds: axes.map((c) => c.capabilityId), series });
  }
  return charts;
}

/** The categories the results mention, named from the workshop where it is known. */
export function categoriesOf(results: Results, known: readonly Category[]): Category[] {
  const ids: string[] = [];
  for (const c of results.capabilities) if (!ids.includes(c.category)) ids.push(c.category);
  return ids.map((id) => known.find((k) => k.id === id) ?? { id, name: { sv: id, en: id } as LocalizedText });
}

/** The capabilities that have ratings, in model order. */
export function ratedCapabilities(results: Results): CapabilityResult[] {
  return results.capabilities.filter((c) => c.region.count > 0);
}

/**
 * A long axis name broken into lines of about `width` characters, at most `maxLines` of them
 * (the last one cut with an ellipsis), so that a radar keeps room for its chart.
 */
export function wrapLabel(text: string, width = 18, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1] ?? ''}…`;
  return kept;
}
