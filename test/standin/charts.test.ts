// Embedded charts in the stand-in: recorded, not drawn (facts 96–99), and carried by snapshots.
// https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
// https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { loadSnapshot, saveSnapshot, type Snapshot } from '../../dev/standin/snapshot';
import { expectException, setup } from './helpers';

const validate = new Ajv({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync('dev/snapshot.schema.json', 'utf8')),
);

function withData() {
  const t = setup();
  t.sheet.getRange('A1:B4').setValues([
    ['Segment', 'Partners'],
    ['Contractor', 3],
    ['Funder', 1],
    ['Advisor', 2],
  ]);
  const charts = t.standIn.globals.Charts as GoogleAppsScript.Charts.Charts;
  return { ...t, charts };
}

/** A chart described by what the API reads back: type, ranges, anchor, offsets and title. */
function described(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart) {
  const at = chart.getContainerInfo();
  return {
    type: String(chart.modify().getChartType()),
    ranges: chart.getRanges().map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`),
    position: [at.getAnchorRow(), at.getAnchorColumn(), at.getOffsetX(), at.getOffsetY()],
    title: chart.getOptions().get('title'),
  };
}

describe('EmbeddedChartBuilder and EmbeddedChart', () => {
  // Fact 96. https://developers.google.com/apps-script/reference/spreadsheet/sheet#newChart()
  test('newChart gives a builder, build gives an EmbeddedChart', () => {
    const { sheet } = withData();
    const builder = sheet.newChart();
    expect(String(builder)).toMatch(
      /^com\.google\.apps\.maestro\.server\.beans\.trix\.impl\.ChartPropertyApiEmbeddedChartBuilder@/,
    );
    expect(String(builder.addRange(sheet.getRange('A1:B4')).build())).toBe('EmbeddedChart');
    // Building alone puts nothing on the sheet.
    expect(sheet.getCharts()).toHaveLength(0);
  });

  // Fact 99. https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder#asColumnChart()
  test('asColumnChart, asBarChart, asPieChart… and setChartType set the chart type', () => {
    const { sheet, charts } = withData();
    const builder = sheet.newChart();
    expect(builder.asColumnChart().getChartType()).toBe(charts.ChartType.COLUMN);
    expect(builder.asBarChart().getChartType()).toBe(charts.ChartType.BAR);
    expect(builder.asPieChart().getChartType()).toBe(charts.ChartType.PIE);
    expect(builder.asLineChart().getChartType()).toBe(charts.ChartType.LINE);
    expect(builder.setChartType(charts.ChartType.AREA).getChartType()).toBe(charts.ChartType.AREA);
  });

  // Facts 97, 98. https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertChart(EmbeddedChart)
  test('insertChart adds the chart with its ranges, position and options', () => {
    const { ss, sheet } = withData();
    const other = ss.insertSheet('Other');
    other.getRange('A1:A4').setValues([['x'], [1], [2], [3]]);
    sheet.insertChart(
      sheet
        .newChart()
        .asColumnChart()
        .addRange(sheet.getRange('A1:B4'))
        .addRange(other.getRange('A1:A4'))
        .setPosition(2, 4, 10, 20)
        .setOption('title', 'Partners per segment')
        .build(),
    );
    const [chart] = sheet.getCharts();
    expect(described(chart)).toEqual({
      type: 'COLUMN',
      ranges: ['Sheet1!A1:B4', 'Other!A1:A4'],
      position: [2, 4, 10, 20],
      title: 'Partners per segment',
    });
    expect(String(chart.getContainerInfo())).toBe('ContainerInfo');
    expect(typeof chart.getChartId()).toBe('number');
    expect(other.getCharts()).toHaveLength(0);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder#removeRange(Range)
  test('removeRange and clearRanges take ranges off the builder', () => {
    const { sheet } = withData();
    const builder = sheet.newChart().addRange(sheet.getRange('A1:A4')).addRange(sheet.getRange('B1:B4'));
    expect(builder.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:A4', 'B1:B4']);
    builder.removeRange(sheet.getRange('A1:A4'));
    expect(builder.getRanges().map((r) => r.getA1Notation())).toEqual(['B1:B4']);
    expect(builder.clearRanges().getRanges()).toEqual([]);
  });

  // Fact 97. "Changes made to the chart are not saved until Sheet.updateChart(chart) is called."
  // https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
  test('modify changes nothing until updateChart; removeChart takes the chart away', () => {
    const { sheet } = withData();
    sheet.insertChart(
      sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B4')).setOption('title', 'Old').build(),
    );
    const [chart] = sheet.getCharts();
    const changed = chart.modify().asBarChart().setOption('title', 'New').setPosition(5, 1, 0, 0).build();
    expect(described(sheet.getCharts()[0])).toMatchObject({
      type: 'COLUMN',
      title: 'Old',
      position: [1, 1, 0, 0],
    });
    sheet.updateChart(changed);
    expect(sheet.getCharts()).toHaveLength(1);
    expect(described(sheet.getCharts()[0])).toMatchObject({
      type: 'BAR',
      title: 'New',
      position: [5, 1, 0, 0],
    });
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toHaveLength(0);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertChart(EmbeddedChart)
  test('insertChart refuses what is not a chart', () => {
    const { sheet } = withData();
    expectException(
      () => sheet.insertChart({} as GoogleAppsScript.Spreadsheet.EmbeddedChart),
      "The parameters (Object) don't match the method signature for SpreadsheetApp.Sheet.insertChart.",
    );
  });

  test('what the stand-in does not emulate says so', () => {
    const { sheet } = withData();
    const builder = sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B4'));
    expect(() =>
      (builder as unknown as { setBackgroundColor(c: string): unknown }).setBackgroundColor('#fff'),
    ).toThrow('not emulated: EmbeddedChartBuilder.setBackgroundColor');
    sheet.insertChart(builder.build());
    const [chart] = sheet.getCharts();
    expect(() => chart.getAs('image/png')).toThrow('not emulated: EmbeddedChart.getAs');
    expect(() => chart.getBlob()).toThrow('not emulated: EmbeddedChart.getBlob');
  });
});

describe('charts in snapshots', () => {
  test('a chart is saved with its type, ranges, position and options, validates, and loads back', () => {
    const { standIn, ss, sheet, charts } = withData();
    const other = ss.insertSheet("Partners' list");
    other.getRange('A1:A4').setValues([['x'], [1], [2], [3]]);
    sheet.insertChart(
      sheet
        .newChart()
        .asBarChart()
        .setTitle('Partners per segment')
        .setLegendPosition(charts.Position.NONE)
        .addRange(sheet.getRange('A1:B4'))
        .addRange(other.getRange('A1:A4'))
        .setNumHeaders(1)
        .setTransposeRowsAndColumns(true)
        .setPosition(3, 5, 7, 9)
        .build(),
    );
    const saved = saveSnapshot(standIn);
    expect(validate(saved)).toBe(true);
    expect(saved.sheets[0].charts).toEqual([
      {
        type: 'BAR',
        ranges: ['A1:B4', "'Partners'' list'!A1:A4"],
        position: { row: 3, column: 5, offsetX: 7, offsetY: 9 },
        options: expect.objectContaining({ title: 'Partners per segment' }),
        numHeaders: 1,
        transposeRowsAndColumns: true,
      },
    ]);
    expect(saved.sheets[1].charts).toEqual([]);

    const loaded = loadSnapshot(JSON.parse(JSON.stringify(saved)) as Snapshot);
    expect(saveSnapshot(loaded)).toEqual(saved);
    const app = loaded.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const [chart] = app.getActiveSpreadsheet().getSheetByName('Sheet1')!.getCharts();
    expect(described(chart)).toEqual({
      type: 'BAR',
      ranges: ['Sheet1!A1:B4', "Partners' list!A1:A4"],
      position: [3, 5, 7, 9],
      title: 'Partners per segment',
    });
    expect(chart.getNumHeaders()).toBe(1);
    expect(chart.getTransposeRowsAndColumns()).toBe(true);
  });

  test('the example snapshot holds a chart that loads', () => {
    const example = JSON.parse(readFileSync('dev/snapshot.example.json', 'utf8')) as Snapshot;
    expect(validate(example)).toBe(true);
    const standIn = loadSnapshot(example);
    const app = standIn.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const charts = app.getActiveSpreadsheet().getSheetByName('Partners')!.getCharts();
    expect(charts.map(described)).toEqual([
      {
        type: example.sheets[0].charts![0].type,
        ranges: example.sheets[0].charts![0].ranges.map((a1) => `Partners!${a1}`),
        position: [2, 6, 0, 0],
        title: example.sheets[0].charts![0].options.title,
      },
    ]);
  });

  test('the schema refuses a chart without ranges or with a position off the grid', () => {
    const { standIn, sheet } = withData();
    sheet.insertChart(sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B4')).build());
    const saved = saveSnapshot(standIn);
    const broken = (change: (chart: Record<string, unknown>) => void) => {
      const copy = JSON.parse(JSON.stringify(saved)) as Snapshot;
      change(copy.sheets[0].charts![0] as unknown as Record<string, unknown>);
      return validate(copy);
    };
    expect(broken(() => undefined)).toBe(true);
    expect(broken((c) => delete c.ranges)).toBe(false);
    expect(broken((c) => ((c.position as { row: number }).row = 0))).toBe(false);
    expect(broken((c) => (c.type = 'column chart'))).toBe(false);
  });
});

describe('typed chart builders', () => {
  // Fact 99: setTitle, setLegendPosition… exist only on the builders as…Chart() returns.
  // https://developers.google.com/apps-script/reference/spreadsheet/embedded-column-chart-builder
  test('styling on the plain builder fails; after asColumnChart it works', () => {
    const { sheet, charts } = withData();
    expect(() => sheet.newChart().setChartType(charts.ChartType.BAR).setOption('x', 1)).not.toThrow();
    const plain = sheet.newChart() as unknown as { setTitle(t: string): unknown };
    expect(() => plain.setTitle('Partners')).toThrow(/setTitle is not a function/);
    const typed = sheet.newChart().asColumnChart().setTitle('Partners').build();
    expect(typed.getOptions().get('title')).toBe('Partners');
  });
});
