// Colour strings. Sheets reads colours back as lower-case #rrggbb and knows CSS colour names (fact 58); it does
// not validate them (fact 4), so an unknown string is kept as given.
// https://developers.google.com/apps-script/reference/spreadsheet/range#setBackground(String)

const NAMES: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  lime: '#00ff00',
  blue: '#0000ff',
  yellow: '#ffff00',
  cyan: '#00ffff',
  aqua: '#00ffff',
  magenta: '#ff00ff',
  fuchsia: '#ff00ff',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  maroon: '#800000',
  olive: '#808000',
  navy: '#000080',
  purple: '#800080',
  teal: '#008080',
  orange: '#ffa500',
  pink: '#ffc0cb',
  brown: '#a52a2a',
  gold: '#ffd700',
  lightgray: '#d3d3d3',
  lightgrey: '#d3d3d3',
  darkgray: '#a9a9a9',
  darkgrey: '#a9a9a9',
  lightcoral: '#f08080',
  lightyellow: '#ffffe0',
  lightgreen: '#90ee90',
  lightblue: '#add8e6',
  salmon: '#fa8072',
  coral: '#ff7f50',
  tomato: '#ff6347',
  khaki: '#f0e68c',
  beige: '#f5f5dc',
  lavender: '#e6e6fa',
  ivory: '#fffff0',
  wheat: '#f5deb3',
  tan: '#d2b48c',
};

export function normalizeColor(color: string): string {
  const text = color.trim();
  const long = /^#([0-9a-fA-F]{6})$/.exec(text);
  if (long) return `#${long[1].toLowerCase()}`;
  const short = /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(text);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  return NAMES[text.toLowerCase()] ?? text;
}

export function rgbToHex(red: number, green: number, blue: number): string {
  return `#${[red, green, blue]
    .map((n) =>
      Math.max(0, Math.min(255, Math.round(n)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

export const DEFAULT_BACKGROUND = '#ffffff';
export const DEFAULT_FONT_COLOR = '#000000';
