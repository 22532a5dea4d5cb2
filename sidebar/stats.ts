// A short list of counts ("12 New partners"), built as text.
import { h } from './dom';

export type Stat = [label: string, value: number];

export function renderStats(list: HTMLElement, stats: Stat[]): void {
  list.replaceChildren(
    ...stats.map(([label, value]) =>
      h('div', { class: value > 0 ? 'stat' : 'stat zero' }, h('dt', {}, label), h('dd', {}, String(value))),
    ),
  );
}
