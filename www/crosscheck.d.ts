// Type declarations for the Crosscheck widget's JS API (window.Crosscheck), published by
// crosscheck.js. The data shapes are those of the JSON export (`crosscheck build --format
// json`, described in docs/cli.md); see docs/embedding.md for examples.

export type Label = 'corroborates' | 'differs' | 'omits';
export type SegmentKind = 'claim' | 'headline' | 'boilerplate';
export type DiffKind = 'number' | 'date' | 'entity' | 'quote' | 'attribution' | 'negation';

export interface Source {
  id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  /** YYYY-MM-DD */
  published: string | null;
  language: string | null;
  text: string;
}

export interface Segment {
  id: number;
  source: string;
  text: string;
  /** Byte offsets into the source's text. */
  start: number;
  end: number;
  kind: SegmentKind;
  paragraph: number;
}

export interface Difference {
  kind: DiffKind;
  here: string;
  there: string;
  here_span: [number, number];
  there_segment: number;
  there_span: [number, number];
}

export interface SharedSpan {
  segment: number;
  start: number;
  end: number;
}

export interface Verdict {
  segment: number;
  /** The other source's id. */
  other: string;
  label: Label;
  /** Confidence in the label, 0..1; `null` for an omission the database leaves implicit
   * (filled in by the widget; the JSON export has no verdict for that pair). */
  score: number | null;
  evidence: number[];
  differences: Difference[];
  shared: SharedSpan[];
}

/** The JSON export: what `crosscheck build --format json` writes. */
export interface Database {
  version: 2;
  sources: Source[];
  segments: Segment[];
  /** At most one per (claim or headline segment, other source); a pair without one is
   * `omits` (docs/cli.md, "Omissions are implicit"). */
  verdicts: Verdict[];
}

export interface MountOptions {
  /** The id of the article shown first (default: data-source, else the first article). */
  source?: string;
  theme?: 'auto' | 'light' | 'dark';
  /**
   * Where the claim database is: a same-origin URL of a `.json` or `.bin` file, `#id` of an
   * inline `<script type="application/json" data-crosscheck-db>`, or `embedded`; or the
   * database itself, as a parsed JSON export or the bytes of either form.
   * Default: data-database, else the page's first inline database, else the embedded one.
   */
  database?: string | Database | ArrayBuffer | Uint8Array;
}

export interface Widget {
  /** Resolves to true once the database is shown, false if the widget shows an error. */
  readonly ready: Promise<boolean>;
  /** Opens a sentence's panel (its article first) without moving focus. False for a sentence
   * the database does not have or that has no verdicts, and before a database file has arrived
   * (the request is kept and applied when it does). */
  select(segmentId: number): boolean;
  /** The verdicts on a sentence, one per other source; null for an unknown sentence. */
  verdicts(segmentId: number): Verdict[] | null;
  /** Removes the widget. */
  destroy(): void;
}

export interface AnnotateOptions {
  /** The id of the article the element shows (default: data-source, else the first). */
  source?: string;
  theme?: 'auto' | 'light' | 'dark';
  /** As for `mount`. */
  database?: string | Database | ArrayBuffer | Uint8Array;
}

export interface Tally {
  /** Claim and headline sentences found in the page, of `total`. */
  anchored: number;
  total: number;
  /** Claim sentences alone found, of `claims`. */
  claimsAnchored: number;
  claims: number;
}

export interface Annotation {
  /** Resolves to the number of sentences marked, once anchoring has run. */
  readonly ready: Promise<number>;
  tally(): Tally;
  /** The ids of the sentences marked in the page, in page order. */
  anchored(): Uint32Array;
  /** Opens a marked sentence's panel without moving focus; false when it is not marked in
   * the page (or the database has not arrived yet). */
  select(segmentId: number): boolean;
  /** Takes every mark out; the article's text is as it was. */
  destroy(): void;
}

/** One article for `Crosscheck.analyse`. */
export interface ArticleInput {
  /** Names the article in the database (as a file's stem does for `crosscheck build`). */
  id: string;
  /**
   * The article's text; or a saved page's HTML (it opens with `<`), whose article and metadata
   * are extracted as `crosscheck build` does for `.html` files; or a file's bytes (a page in
   * the encoding it declares, or UTF-8 text).
   */
  text: string | Uint8Array | ArrayBuffer;
  /** Metadata, as sources.toml gives it; each field given wins over the page's own. */
  title?: string | null;
  outlet?: string | null;
  url?: string | null;
  /** YYYY-MM-DD */
  published?: string | null;
  language?: string | null;
}

export interface AnalyseProgress {
  stage: 'analysing' | 'matching' | 'deciding';
  unit: 'articles' | 'claims' | 'verdicts';
  done: number;
  total: number;
}

/** An article `analyse` set aside, and why (one line). */
export interface SkippedArticle {
  id: string;
  message: string;
}

export interface AnalyseOptions {
  /** Called at the start and end of each stage and at most once per percent between. */
  onProgress?: (progress: AnalyseProgress) => void;
  /** Called once per article set aside (without it, one console warning lists them). */
  onSkip?: (skipped: SkippedArticle) => void;
  /** Aborting ends the analysis; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** The `detail` of the `crosscheck:select` event fired on a widget's host element. */
export interface SelectDetail {
  source: string;
  segment: Segment;
  verdicts: Verdict[];
}

/**
 * `window.Crosscheck`. `version` and `ready` are there as soon as the loader has run; the
 * methods are added when `ready` resolves (or on `document`'s `crosscheck:ready` event).
 * `mount` and `annotate` throw a TypeError when `element` is not an Element; every other
 * failure (a bad database, nothing anchored) is shown or logged, never thrown.
 */
export interface CrosscheckApi {
  readonly version: 1;
  /** Resolves once the module has started and the methods are available. */
  readonly ready: Promise<CrosscheckApi>;
  /**
   * Analyses a cluster in the browser: the engine, in a Web Worker, fetched on first use
   * (available before `ready`). Resolves to the JSON export, the one `crosscheck build
   * --no-encoder --format json` writes for the same articles; a bad article is set aside
   * (`onSkip`) and the others analysed. Rejects with an Error when no article can be read.
   */
  analyse(articles: ArticleInput[], options?: AnalyseOptions): Promise<Database>;
  /** Fetches, starts and warms up the engine ahead of a first `analyse`; resolves to whether
   * it started. */
  prepareAnalysis(): Promise<boolean>;
  mount(element: Element, options?: MountOptions): Widget;
  /** Mounts every [data-crosscheck] element that has no widget yet; returns how many. */
  mountAll(): number;
  /** Makes the sentences of article `source` clickable in the publisher's own `element`. */
  annotate(element: Element, options?: AnnotateOptions): Annotation;
  /** Annotates every [data-crosscheck-annotate] element not annotated yet; returns how many. */
  annotateAll(): number;
}

declare global {
  interface Window {
    Crosscheck: CrosscheckApi;
  }
  // crosscheck:select bubbles and is composed, so it reaches document and window too.
  interface HTMLElementEventMap {
    'crosscheck:select': CustomEvent<SelectDetail>;
  }
  interface DocumentEventMap {
    'crosscheck:select': CustomEvent<SelectDetail>;
    'crosscheck:ready': CustomEvent<CrosscheckApi>;
  }
  interface WindowEventMap {
    'crosscheck:select': CustomEvent<SelectDetail>;
  }
}
