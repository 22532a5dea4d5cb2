// What the add-on said through Ui.alert and Spreadsheet.toast, shown as Sheets shows them. Text only.
import type { UiNews } from '../session';

const alertQueue: Array<{ title: string | null; prompt: string }> = [];

function nextAlert(): void {
  const dialog = document.getElementById('alert-dialog') as HTMLDialogElement;
  if (dialog.open) return;
  const alert = alertQueue.shift();
  if (!alert) return;
  document.getElementById('alert-title')!.textContent = alert.title ?? '';
  document.getElementById('alert-text')!.textContent = alert.prompt;
  dialog.showModal();
}

export function setupMessages(): void {
  const dialog = document.getElementById('alert-dialog') as HTMLDialogElement;
  dialog.addEventListener('close', () => nextAlert());
}

export function showToast(title: string | null, message: string, seconds: number | null): void {
  const toast = document.createElement('div');
  toast.className = 'toast';
  toast.setAttribute('role', 'status');
  if (title) {
    const strong = document.createElement('strong');
    strong.textContent = title;
    toast.append(strong);
  }
  toast.append(message);
  document.getElementById('toasts')!.append(toast);
  // Sheets' default is 5 s; -1 or a long time keeps it up until clicked.
  const ms = Math.min(Math.max((seconds ?? 5) > 0 ? (seconds ?? 5) : 30, 3), 30) * 1000;
  window.setTimeout(() => toast.remove(), ms);
  toast.addEventListener('click', () => toast.remove());
}

export function showNews(news: UiNews | undefined): void {
  if (!news) return;
  for (const toast of news.toasts) showToast(toast.title, toast.message, toast.timeoutSeconds);
  alertQueue.push(...news.alerts);
  nextAlert();
}
