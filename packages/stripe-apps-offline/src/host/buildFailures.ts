/** The app's build errors as the server sends them to the page (JSON): located, framed, already text. */

/** One error esbuild reported for a view. */
export interface BuildError {
  /** Relative to the project, with forward slashes; null when esbuild names no file. */
  file: string | null;
  /** 1-based; 0 without a file. */
  line: number;
  /** 1-based, in characters, as editors count (esbuild's own is 0-based, in bytes); 0 without a file. */
  column: number;
  text: string;
  /**
   * A few lines around the error, the line marked with ">" and the column with "^"
   * (Babel's and Vite's layout); "" when the source cannot be read.
   */
  frame: string;
  /** esbuild's notes, each with its location when it has one. */
  notes: string[];
}

export interface ViewBuildFailure {
  /** At most the first few (the server caps them). */
  errors: BuildError[];
  /** How many more esbuild reported beyond `errors`. */
  more: number;
}

/** The views whose latest build failed, by component; a view that builds again is dropped. */
export type BuildFailures = Record<string, ViewBuildFailure>;
