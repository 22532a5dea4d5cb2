// Embedded charts: builder and chart objects (facts 96–99). Charts are recorded, not drawn.
// https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
// https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart
import type { Core } from './core';
import { ChartType, enumKey } from './enums';
import { exception } from './errors';
import { rectOf, unwrap } from './serviceProxy';
import type { ChartData, SheetModel } from './workbook';

function copyChart(data: ChartData): ChartData {
  return {
    ...data,
    ranges: data.ranges.map((r) => ({ ...r })),
    options: { ...data.options },
    position: { ...data.position },
  };
}

export class EmbeddedChartBuilderImpl {
  _data: ChartData;
  constructor(
    readonly _core: Core,
    readonly _sheet: SheetModel,
    data: ChartData | null,
  ) {
    this._data = data
      ? copyChart(data)
      : {
          id: 0,
          chartType: 'COLUMN',
          ranges: [],
          options: {},
          position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
        };
  }
  /** Set by as…Chart(): only those typed builders have the styling methods (fact 99). */
  _typed = false;
  private type(key: string) {
    this._data.chartType = key;
    this._typed = true;
    return this;
  }
  /** Fact 99: styling on the plain EmbeddedChartBuilder fails as a missing method would in Apps Script. */
  private styling(method: string) {
    if (!this._typed) throw new TypeError(`builder.${method} is not a function`);
  }
  asColumnChart() {
    return this.type('COLUMN');
  }
  asBarChart() {
    return this.type('BAR');
  }
  asPieChart() {
    return this.type('PIE');
  }
  asLineChart() {
    return this.type('LINE');
  }
  asAreaChart() {
    return this.type('AREA');
  }
  asScatterChart() {
    return this.type('SCATTER');
  }
  asTableChart() {
    return this.type('TABLE');
  }
  // Returns the plain builder in Apps Script: the type changes, the styling methods do not appear.
  setChartType(type: unknown) {
    this._data.chartType = enumKey(type);
    return this;
  }
  getChartType() {
    return ChartType[this._data.chartType as keyof typeof ChartType] ?? null;
  }
  addRange(range: unknown) {
    this._data.ranges.push(rectOf(range));
    return this;
  }
  removeRange(range: unknown) {
    const rect = rectOf(range);
    this._data.ranges = this._data.ranges.filter((r) => JSON.stringify(r) !== JSON.stringify(rect));
    return this;
  }
  clearRanges() {
    this._data.ranges = [];
    return this;
  }
  getRanges() {
    return this._data.ranges.map((r) => this._core.rangeOfRect(r));
  }
  // Fact 98.
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number) {
    this._data.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }
  setOption(option: string, value: unknown) {
    this._data.options[option] = value;
    return this;
  }
  setTitle(title: string) {
    this.styling('setTitle');
    return this.setOption('title', title);
  }
  setLegendPosition(position: unknown) {
    this.styling('setLegendPosition');
    return this.setOption('legend.position', enumKey(position).toLowerCase());
  }
  setStacked() {
    this.styling('setStacked');
    return this.setOption('isStacked', true);
  }
  setColors(colors: string[]) {
    this.styling('setColors');
    return this.setOption('colors', [...colors]);
  }
  setHiddenDimensionStrategy(strategy: unknown) {
    this._data.hiddenDimensionStrategy = enumKey(strategy);
    return this;
  }
  setMergeStrategy(strategy: unknown) {
    this._data.mergeStrategy = enumKey(strategy);
    return this;
  }
  setNumHeaders(headers: number) {
    this._data.numHeaders = headers;
    return this;
  }
  setTransposeRowsAndColumns(transpose: boolean) {
    this._data.transposeRowsAndColumns = !!transpose;
    return this;
  }
  getContainer() {
    return makeContainerInfo(this._core, this._data);
  }
  build() {
    return makeChart(this._core, this._sheet, this._data);
  }
  // Fact 96.
  toString() {
    return 'com.google.apps.maestro.server.beans.trix.impl.ChartPropertyApiEmbeddedChartBuilder@standin';
  }
}

export class EmbeddedChartImpl {
  constructor(
    readonly _core: Core,
    readonly _sheet: SheetModel,
    readonly _data: ChartData,
  ) {}
  getChartId() {
    return this._data.id || null;
  }
  getId() {
    return this._data.id ? `standin-chart-${this._data.id}` : null;
  }
  getType() {
    return this._data.chartType;
  }
  getRanges() {
    return this._data.ranges.map((r) => this._core.rangeOfRect(r));
  }
  getOptions() {
    const options = { ...this._data.options };
    return this._core.wrap(
      {
        get: (option: string) => options[option] ?? null,
        getOrDefault: (option: string) => options[option] ?? null,
      },
      'ChartOptions',
      { counted: false },
    );
  }
  getContainerInfo() {
    return makeContainerInfo(this._core, this._data);
  }
  getHiddenDimensionStrategy() {
    return this._data.hiddenDimensionStrategy ?? 'IGNORE_ROWS';
  }
  getMergeStrategy() {
    return this._data.mergeStrategy ?? 'MERGE_COLUMNS';
  }
  getNumHeaders() {
    return this._data.numHeaders ?? -1;
  }
  getTransposeRowsAndColumns() {
    return this._data.transposeRowsAndColumns ?? false;
  }
  // Fact 97.
  modify() {
    return makeChartBuilder(this._core, this._sheet, this._data);
  }
  toString() {
    return 'EmbeddedChart';
  }
}

function makeContainerInfo(core: Core, data: ChartData) {
  const p = { ...data.position };
  return core.wrap(
    {
      getAnchorRow: () => p.row,
      getAnchorColumn: () => p.column,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
      toString: () => 'ContainerInfo',
    },
    'ContainerInfo',
    { counted: false },
  );
}

export function makeChartBuilder(core: Core, sheet: SheetModel, data: ChartData | null) {
  return core.wrap(new EmbeddedChartBuilderImpl(core, sheet, data), 'EmbeddedChartBuilder', {
    counted: false,
  });
}

export function makeChart(
  core: Core,
  sheet: SheetModel,
  data: ChartData,
): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  return core.wrap(new EmbeddedChartImpl(core, sheet, copyChart(data)), 'EmbeddedChart', {
    counted: true,
    document: true,
  }) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart;
}

export function chartImpl(chart: unknown): EmbeddedChartImpl {
  const raw = unwrap(chart);
  if (!(raw instanceof EmbeddedChartImpl))
    throw exception(
      "The parameters (Object) don't match the method signature for SpreadsheetApp.Sheet.insertChart.",
    );
  return raw;
}
