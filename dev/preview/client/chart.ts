// Draws an embedded chart as inline SVG from the data the view read from its ranges: column, bar, line, area,
// scatter and pie charts, with their title, axes and legend, as Sheets lays them out (roughly). Other types get a
// box naming the chart. Each bar, point and slice carries a <title> ("Funder: 3"), shown on hover.
import type { ChartView } from '../views';

const SVG = 'http://www.w3.org/2000/svg';
const FONT = 'Roboto, Arial, sans-serif';
const TEXT = '#222222';
const MUTED = '#5f6368';
const GRIDLINE = '#e0e0e0';
/** Rough width of a character at 11 px: enough to wrap and shorten labels. */
const CHAR_WIDTH = 5.5;

type Attributes = Record<string, string | number>;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

function tooltip(element: SVGElement, text: string): SVGElement {
  element.append(svg('title', {}, text));
  return element;
}

/** A round step for about `count` gridlines up to `max`. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = [1, 2, 5, 10].find((m) => m * power >= raw) ?? 10;
  return Math.max(unit * power, Number.EPSILON);
}

function scale(values: Array<number | null>): { min: number; max: number; ticks: number[] } {
  const numbers = values.filter((v): v is number => v !== null);
  const low = Math.min(0, ...numbers);
  const high = Math.max(low + 1, ...numbers);
  const step = niceStep(high - low, 4);
  const min = Math.floor(low / step) * step;
  const max = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let t = min; t <= max + step / 2; t += step) ticks.push(Number(t.toPrecision(12)));
  return { min, max, ticks };
}

function shorten(text: string, room: number): string {
  const fits = Math.max(1, Math.floor(room / CHAR_WIDTH));
  return text.length <= fits ? text : `${text.slice(0, Math.max(1, fits - 1))}…`;
}

/** Words into at most `lines` lines of `room` pixels, the last one shortened if need be. */
function wrapLabel(text: string, room: number, lines: number): string[] {
  const fits = Math.max(1, Math.floor(room / CHAR_WIDTH));
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!line) line = word;
    else if (`${line} ${word}`.length <= fits) line = `${line} ${word}`;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line) out.push(line);
  if (out.length > lines) {
    const rest = out.slice(lines - 1).join(' ');
    out.length = lines - 1;
    out.push(rest);
  }
  return out.map((l) => shorten(l, room));
}

const format = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, ''));

interface Plot {
  left: number;
  top: number;
  width: number;
  height: number;
}

function legend(root: SVGSVGElement, chart: ChartView, names: string[], x: number, y: number): void {
  let top = y;
  names.forEach((name, i) => {
    const row = svg('g', { class: 'chart-legend-item' });
    const label = svg('text', { x: x + 16, y: top + 9, 'font-size': 11, fill: TEXT });
    const lines = wrapLabel(name, 128, 2);
    lines.forEach((line, k) => label.append(svg('tspan', { x: x + 16, dy: k === 0 ? 0 : 13 }, line)));
    row.append(svg('rect', { x, y: top, width: 10, height: 10, rx: 2, fill: colorOf(chart, i) }), label);
    root.append(tooltip(row, name));
    top += 7 + lines.length * 13;
  });
}

const colorOf = (chart: ChartView, index: number) => chart.colors[index % chart.colors.length];

function valueAxis(
  root: SVGSVGElement,
  plot: Plot,
  range: ReturnType<typeof scale>,
  horizontal: boolean,
): (v: number) => number {
  const at = horizontal
    ? (v: number) => plot.left + ((v - range.min) / (range.max - range.min)) * plot.width
    : (v: number) => plot.top + plot.height - ((v - range.min) / (range.max - range.min)) * plot.height;
  for (const tick of range.ticks) {
    const p = at(tick);
    if (horizontal) {
      root.append(svg('line', { x1: p, x2: p, y1: plot.top, y2: plot.top + plot.height, stroke: GRIDLINE }));
      root.append(
        svg(
          'text',
          { x: p, y: plot.top + plot.height + 14, 'font-size': 11, fill: MUTED, 'text-anchor': 'middle' },
          format(tick),
        ),
      );
    } else {
      root.append(svg('line', { x1: plot.left, x2: plot.left + plot.width, y1: p, y2: p, stroke: GRIDLINE }));
      root.append(
        svg(
          'text',
          { x: plot.left - 6, y: p + 4, 'font-size': 11, fill: MUTED, 'text-anchor': 'end' },
          format(tick),
        ),
      );
    }
  }
  return at;
}

function categoryLabels(root: SVGSVGElement, chart: ChartView, plot: Plot, band: number): void {
  chart.categories.forEach((category, i) => {
    const x = plot.left + band * (i + 0.5);
    const lines = wrapLabel(category, band, 2);
    const text = svg('text', {
      x,
      y: plot.top + plot.height + 15,
      'font-size': 11,
      fill: MUTED,
      'text-anchor': 'middle',
      class: 'chart-category',
    });
    lines.forEach((line, k) => text.append(svg('tspan', { x, dy: k === 0 ? 0 : 13 }, line)));
    tooltip(text, category);
    root.append(text);
  });
}

function columns(root: SVGSVGElement, chart: ChartView, plot: Plot): void {
  const range = scale(chart.series.flatMap((s) => s.values));
  const at = valueAxis(root, plot, range, false);
  const n = Math.max(1, chart.categories.length);
  const band = plot.width / n;
  const barWidth = (band * 0.7) / Math.max(1, chart.series.length);
  chart.series.forEach((series, s) => {
    series.values.forEach((value, i) => {
      if (value === null) return;
      const top = at(Math.max(0, value));
      const bottom = at(Math.min(0, value));
      const x = plot.left + band * i + band * 0.15 + barWidth * s;
      root.append(
        tooltip(
          svg('rect', {
            class: 'chart-bar',
            x,
            y: top,
            width: barWidth,
            height: Math.max(bottom - top, value === 0 ? 0 : 1),
            fill: colorOf(chart, s),
          }),
          `${chart.categories[i]}: ${format(value)}`,
        ),
      );
    });
  });
  root.append(
    svg('line', { x1: plot.left, x2: plot.left + plot.width, y1: at(0), y2: at(0), stroke: MUTED }),
  );
  categoryLabels(root, chart, plot, band);
}

function bars(root: SVGSVGElement, chart: ChartView, plot: Plot): void {
  const range = scale(chart.series.flatMap((s) => s.values));
  const at = valueAxis(root, plot, range, true);
  const n = Math.max(1, chart.categories.length);
  const band = plot.height / n;
  const barHeight = (band * 0.7) / Math.max(1, chart.series.length);
  chart.categories.forEach((category, i) => {
    const y = plot.top + band * (i + 0.5) + 4;
    root.append(
      tooltip(
        svg(
          'text',
          {
            x: plot.left - 6,
            y,
            'font-size': 11,
            fill: MUTED,
            'text-anchor': 'end',
            class: 'chart-category',
          },
          shorten(category, plot.left - 12),
        ),
        category,
      ),
    );
  });
  chart.series.forEach((series, s) => {
    series.values.forEach((value, i) => {
      if (value === null) return;
      const from = at(Math.min(0, value));
      const to = at(Math.max(0, value));
      root.append(
        tooltip(
          svg('rect', {
            class: 'chart-bar',
            x: from,
            y: plot.top + band * i + band * 0.15 + barHeight * s,
            width: Math.max(to - from, value === 0 ? 0 : 1),
            height: barHeight,
            fill: colorOf(chart, s),
          }),
          `${chart.categories[i]}: ${format(value)}`,
        ),
      );
    });
  });
}

function lines(root: SVGSVGElement, chart: ChartView, plot: Plot, mode: 'line' | 'area' | 'scatter'): void {
  const range = scale(chart.series.flatMap((s) => s.values));
  const at = valueAxis(root, plot, range, false);
  const n = Math.max(1, chart.categories.length);
  const band = plot.width / n;
  const x = (i: number) => plot.left + band * (i + 0.5);
  chart.series.forEach((series, s) => {
    const color = colorOf(chart, s);
    // A blank breaks the line, as in Sheets.
    const runs: Array<Array<[number, number]>> = [[]];
    series.values.forEach((value, i) => {
      if (value === null) runs.push([]);
      else runs[runs.length - 1].push([x(i), at(value)]);
    });
    for (const run of runs.filter((r) => r.length > 0)) {
      const points = run.map(([px, py]) => `${px},${py}`).join(' ');
      if (mode === 'area') {
        const base = at(Math.max(range.min, 0));
        root.append(
          svg('polygon', {
            points: `${run[0][0]},${base} ${points} ${run[run.length - 1][0]},${base}`,
            fill: color,
            'fill-opacity': 0.3,
          }),
        );
      }
      if (mode !== 'scatter')
        root.append(
          svg('polyline', { class: 'chart-line', points, fill: 'none', stroke: color, 'stroke-width': 2 }),
        );
    }
    series.values.forEach((value, i) => {
      if (value === null) return;
      root.append(
        tooltip(
          svg('circle', {
            class: 'chart-point',
            cx: x(i),
            cy: at(value),
            r: mode === 'scatter' ? 4 : 3,
            fill: color,
          }),
          `${series.name}, ${chart.categories[i]}: ${format(value)}`,
        ),
      );
    });
  });
  root.append(
    svg('line', {
      x1: plot.left,
      x2: plot.left + plot.width,
      y1: plot.top + plot.height,
      y2: plot.top + plot.height,
      stroke: MUTED,
    }),
  );
  categoryLabels(root, chart, plot, band);
}

function pie(root: SVGSVGElement, chart: ChartView, plot: Plot): void {
  const values = (chart.series[0]?.values ?? []).map((v) => Math.max(0, v ?? 0));
  const total = values.reduce((a, b) => a + b, 0);
  const r = Math.min(plot.width, plot.height) / 2;
  const cx = plot.left + plot.width / 2;
  const cy = plot.top + plot.height / 2;
  if (total === 0) {
    root.append(svg('circle', { cx, cy, r, fill: 'none', stroke: GRIDLINE }));
    return;
  }
  let angle = -Math.PI / 2;
  values.forEach((value, i) => {
    if (value === 0) return;
    const sweep = (value / total) * Math.PI * 2;
    const label = `${chart.categories[i]}: ${format(value)}`;
    const fill = colorOf(chart, i);
    if (sweep >= Math.PI * 2 - 1e-9) {
      root.append(tooltip(svg('circle', { class: 'chart-slice', cx, cy, r, fill }), label));
      return;
    }
    const end = angle + sweep;
    const d = [
      `M ${cx} ${cy}`,
      `L ${cx + r * Math.cos(angle)} ${cy + r * Math.sin(angle)}`,
      `A ${r} ${r} 0 ${sweep > Math.PI ? 1 : 0} 1 ${cx + r * Math.cos(end)} ${cy + r * Math.sin(end)}`,
      'Z',
    ].join(' ');
    root.append(tooltip(svg('path', { class: 'chart-slice', d, fill, stroke: '#fff' }), label));
    angle = end;
  });
}

/** The chart as an SVG element of its size (Sheets' default 600 × 371 unless it was given one). */
export function renderChart(chart: ChartView): SVGSVGElement {
  const { width, height } = chart;
  const root = svg('svg', {
    class: 'chart',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': chart.label,
    'data-type': chart.type,
    'font-family': FONT,
  });
  root.append(svg('rect', { width, height, fill: '#ffffff' }));
  const titleHeight = chart.title ? 36 : 12;
  if (chart.title) {
    root.append(
      svg(
        'text',
        { x: 16, y: 24, 'font-size': 15, fill: TEXT, class: 'chart-title' },
        shorten(chart.title, width - 32),
      ),
    );
  }
  const isPie = chart.type === 'PIE';
  const legendNames = isPie ? chart.categories : chart.series.map((s) => s.name);
  const showLegend = chart.legend && legendNames.length > 0;
  const legendWidth = showLegend ? 150 : 0;
  const horizontal = chart.type === 'BAR';
  const longestCategory = Math.max(0, ...chart.categories.map((c) => c.length));
  const left = isPie ? 16 : horizontal ? Math.min(160, 16 + longestCategory * CHAR_WIDTH) : 48;
  const bottom = isPie ? 16 : horizontal ? 28 : 44;
  const plot: Plot = {
    left,
    top: titleHeight + 8,
    width: Math.max(40, width - left - 20 - legendWidth),
    height: Math.max(40, height - titleHeight - 8 - bottom),
  };
  switch (chart.type) {
    case 'COLUMN':
      columns(root, chart, plot);
      break;
    case 'BAR':
      bars(root, chart, plot);
      break;
    case 'LINE':
      lines(root, chart, plot, 'line');
      break;
    case 'AREA':
      lines(root, chart, plot, 'area');
      break;
    case 'SCATTER':
      lines(root, chart, plot, 'scatter');
      break;
    case 'PIE':
      pie(root, chart, plot);
      break;
    default:
      root.append(
        svg(
          'text',
          { x: width / 2, y: height / 2, 'text-anchor': 'middle', 'font-size': 13, fill: MUTED },
          `${chart.label} (not drawn in the preview)`,
        ),
      );
      return root;
  }
  if (showLegend) legend(root, chart, legendNames, width - legendWidth, plot.top + 4);
  return root;
}
