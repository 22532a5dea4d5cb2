export function partnerSegment(text: unknown, segments?: unknown): unknown {
  return [String(text), String(segments)].join('|');
}
