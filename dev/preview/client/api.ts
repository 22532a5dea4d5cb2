// The preview page's calls to the preview server.
import type { RunResult } from '../session';
import type { WorkbookView } from '../views';

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

export type ActionResult = { ok: true } | { ok: false; error: string };

export const api = {
  async view(sheet?: string): Promise<WorkbookView> {
    const response = await fetch(`/api/view${sheet ? `?sheet=${encodeURIComponent(sheet)}` : ''}`);
    return (await response.json()) as WorkbookView;
  },
  run: (name: string) => post<RunResult>('/api/run', { name, args: [], from: 'menu' }),
  type: (sheet: string, a1: string, text: string) => post<ActionResult>('/api/type', { sheet, a1, text }),
  sort: (sheet: string, column: number, ascending: boolean) =>
    post<ActionResult>('/api/sort', { sheet, column, ascending }),
  activate: (sheet: string) => post<ActionResult>('/api/activate', { sheet }),
  select: (sheet: string, a1: string) => post<ActionResult>('/api/select', { sheet, a1 }),
};
