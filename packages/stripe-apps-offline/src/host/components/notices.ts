/**
 * What the page tells the developer's terminal about a view (through the
 * preview server's report route): a link it drew inert, a css key the SDK
 * does not have. Each once per page, however often the view re-renders.
 */
export type PreviewNotice = {kind: 'blocked-url'; component: string; scheme: string} | {kind: 'css-key'; key: string};

let reporter: (notice: PreviewNotice) => void = () => undefined;
const reported = new Set<string>();

/** The page wires this to the preview server, which prints it in the terminal. */
export function onPreviewNotice(report: (notice: PreviewNotice) => void): void {
  reporter = report;
}

export function reportOnce(notice: PreviewNotice): void {
  const key = JSON.stringify(notice);
  if (reported.has(key)) return;
  reported.add(key);
  reporter(notice);
}
