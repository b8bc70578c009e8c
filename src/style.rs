//! The widget's one stylesheet. It is adopted by each shadow root as a constructable
//! stylesheet, so the widget needs no `<style>` element and no `style=` attribute and keeps
//! working under a strict `style-src 'self'` Content-Security-Policy.
//!
//! The host page's rules cannot reach inside the shadow root, but inherited properties
//! (colour, font, line height…) and rules on the container itself can: `:host` resets them
//! with `!important`, which beats the page's own `!important` on the host element, and
//! `.cc { all: initial }` cuts inheritance below it. The container's size and place stay the
//! page's to choose.
//!
//! Verdict colours are the Okabe-Ito colour-blind-safe palette, and every verdict is also
//! told apart by a symbol or shape and by text, never by colour alone.
//!
//! The sheets are written here readably, with comments and indentation, and squeezed when the
//! widget is compiled (`squeezed!`): every reader downloads them inside the wasm, and what
//! comments and white space took was 0.6 KB of its gzip size.

/// A stylesheet's text without its comments and with its white space squeezed (see
/// [`squeeze`]), computed when the widget is compiled.
macro_rules! squeezed {
    ($css:expr) => {{
        const LEN: usize = squeeze($css.as_bytes(), &mut []);
        const BYTES: [u8; LEN] = {
            let mut out = [0u8; LEN];
            squeeze($css.as_bytes(), &mut out);
            out
        };
        match std::str::from_utf8(&BYTES) {
            Ok(css) => css,
            Err(_) => panic!("a squeezed stylesheet is not UTF-8"),
        }
    }};
}

/// Writes `css` into `out` without its comments, each run of white space made one space, and
/// none left at either end or beside `{`, `}`, `;` or `,`, where CSS never needs one; a quoted
/// string is copied as it is. Returns the length of the result, writing only what fits in
/// `out` (an empty `out` measures). Only ASCII bytes are dropped, so UTF-8 stays UTF-8.
const fn squeeze(css: &[u8], out: &mut [u8]) -> usize {
    const fn tight(c: u8) -> bool {
        matches!(c, b'{' | b'}' | b';' | b',')
    }
    let (mut i, mut n) = (0, 0);
    // White space (or a comment) seen since the last byte written; the last byte written; the
    // quote that opened the string being copied.
    let (mut gap, mut last, mut quote) = (false, 0u8, 0u8);
    while i < css.len() {
        let c = css[i];
        if quote == 0 && c == b'/' && i + 1 < css.len() && css[i + 1] == b'*' {
            i += 2;
            while i < css.len() && !(css[i] == b'*' && i + 1 < css.len() && css[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
            gap = true;
            continue;
        }
        if quote == 0 && c.is_ascii_whitespace() {
            gap = true;
            i += 1;
            continue;
        }
        if gap && n > 0 && !tight(last) && !tight(c) {
            if n < out.len() {
                out[n] = b' ';
            }
            n += 1;
        }
        gap = false;
        if quote == 0 && (c == b'"' || c == b'\'') {
            quote = c;
        } else if c == quote {
            quote = 0;
        }
        if n < out.len() {
            out[n] = c;
        }
        n += 1;
        last = c;
        i += 1;
    }
    n
}

pub const CSS: &str = squeezed!(
    r#"
:host {
  /* The page keeps the container's size and place (width, margin, position); everything
     that would change how the widget looks, or flow into it by inheritance, is reset. */
  display: block !important;
  box-sizing: border-box !important;
  min-width: 0 !important;
  border: 0 !important; padding: 0 !important; background: none !important;
  box-shadow: none !important; outline: 0 !important;
  color: initial !important; font: initial !important; line-height: normal !important;
  letter-spacing: normal !important; word-spacing: normal !important;
  text-transform: none !important; text-align: start !important; text-indent: 0 !important;
  text-shadow: none !important; white-space: normal !important; direction: ltr !important;
  writing-mode: horizontal-tb !important; visibility: visible !important; opacity: 1 !important;
  filter: none !important; transform: none !important; clip-path: none !important;
  float: none !important; overflow: visible !important; cursor: auto !important;
  contain: content;
}
:host([hidden]) { display: none !important; }

.cc {
  all: initial;
  --bg: #ffffff; --fg: #1b1b1f; --muted: #5c5f66; --border: #d3d6db; --soft: #f4f5f7;
  --sel: #ebf4fc; --focus: #0b5cad;
  --cor: #0072b2; --dif: #b54700; --dif-fill: #d55e00; --omi: #6b6f76;
  --mark: #cde5f5; --mark-dif: #fadcc6; --own: #9aa0a8;
  box-sizing: border-box;
  display: block;
  background: var(--bg);
  color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  text-align: left;
  border: 1px solid var(--border);
  border-radius: 8px;
  padding: 12px;
  container-type: inline-size;
  overflow-wrap: anywhere;
}
.cc.theme-dark {
  --bg: #16181c; --fg: #e9eaec; --muted: #a9adb4; --border: #3b3f47; --soft: #20232a;
  --sel: #1d3547; --focus: #8cc8ff;
  --cor: #56b4e9; --dif: #e69f00; --dif-fill: #e69f00; --omi: #a0a4ab;
  --mark: #1c4763; --mark-dif: #5b3c0c; --own: #6c727b;
  color-scheme: dark;
}
@media (prefers-color-scheme: dark) {
  .cc.theme-auto {
    --bg: #16181c; --fg: #e9eaec; --muted: #a9adb4; --border: #3b3f47; --soft: #20232a;
    --sel: #1d3547; --focus: #8cc8ff;
    --cor: #56b4e9; --dif: #e69f00; --dif-fill: #e69f00; --omi: #a0a4ab;
    --mark: #1c4763; --mark-dif: #5b3c0c; --own: #6c727b;
    color-scheme: dark;
  }
}
.cc *, .cc *::before, .cc *::after { box-sizing: border-box; }
.cc :focus { outline: 3px solid var(--focus); outline-offset: 2px; }
.cc :focus:not(:focus-visible) { outline: 1px dotted var(--focus); outline-offset: 1px; }

.sr-only {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
}

button {
  font: inherit; color: inherit; background: none; border: 1px solid var(--border);
  border-radius: 6px; padding: 4px 10px; cursor: pointer; text-align: left; margin: 0;
}
button:hover { background: var(--soft); }

.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; margin-bottom: 10px; }
.brand { font-weight: 700; font-size: 1em; margin: 0; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 0.8em; color: var(--muted);
  margin: 0; padding: 0; list-style: none; flex: 1 1 auto; }
.theme { font-size: 0.8em; margin-left: auto; }

.sym { font-weight: 700; }
.k-cor { color: var(--cor); }
.k-dif { color: var(--dif); }
.k-omi { color: var(--omi); }

.tabs { position: relative; display: flex; gap: 8px; overflow-x: auto; padding: 2px 2px 8px; margin: 0 0 10px;
  list-style: none; scrollbar-width: thin; }
.tabs li { flex: 0 0 auto; }
.tab { display: grid; grid-template-columns: auto 1fr; column-gap: 8px; width: 14em;
  max-width: 70vw; height: 100%; }
.tab[aria-current="true"] { border: 2px solid var(--cor); background: var(--sel); }
.num { grid-row: span 2; display: inline-flex; align-items: center; justify-content: center;
  width: 1.6em; height: 1.6em; border-radius: 50%; background: var(--soft); border: 1px solid var(--border);
  font-size: 0.8em; font-weight: 700; }
.tab-title { font-weight: 600; font-size: 0.86em; line-height: 1.3; display: -webkit-box;
  -webkit-line-clamp: 2; line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.tab-meta { font-size: 0.75em; color: var(--muted); }

.layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 14px; }
@container (min-width: 760px) {
  .layout { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); align-items: start; }
  .side { position: sticky; top: 8px; max-height: 90vh; overflow: auto; }
}

.article { font-family: Georgia, "Iowan Old Style", "Times New Roman", serif; font-size: 1.02em;
  line-height: 1.6; }
.article h3 { font-size: 1.3em; line-height: 1.3; margin: 0 0 0.6em; font-weight: 700; }
.article h4 { font-size: 1.08em; margin: 1em 0 0.4em; font-weight: 700; }
.article p { margin: 0 0 0.9em; }
.article .byline { font-size: 0.8em; color: var(--muted); font-family: system-ui, sans-serif;
  margin: 0 0 0.8em; }

.sent { cursor: pointer; border-radius: 3px; padding: 0 1px; }
.sent:hover { background: var(--soft); }
.sent.active-row { text-decoration: none; }
.sent[aria-expanded="true"] { background: var(--sel); box-shadow: inset 0 -2px 0 var(--cor); }
.boiler { color: var(--muted); font-size: 0.85em; font-style: italic; font-family: system-ui, sans-serif; }
p.boilerp { border-left: 3px solid var(--border); padding-left: 8px; }
/* Article text may carry bidi controls (U+202E…): each sentence is an isolate, so an
   unterminated override cannot reorder the next sentence or its coverage marker. */
.sent, .boiler { unicode-bidi: isolate; }

.marker { display: inline-flex; gap: 3px; margin-left: 4px; font: 600 0.7em/1 system-ui, sans-serif;
  vertical-align: 0.12em; white-space: nowrap; }
.marker span { padding: 1px 3px; border-radius: 3px; border: 1px solid currentColor; }
.marker .zero { color: var(--muted); border-style: dotted; }
.marker .k-dif:not(.zero) { border-width: 2px; }

.side { min-width: 0; }
/* Narrow: the panel follows the article but stays in sight at the bottom of the viewport. */
@container (max-width: 759.98px) {
  .side.is-open { position: sticky; bottom: 0; z-index: 2; max-height: 50vh; overflow: auto;
    box-shadow: 0 -6px 16px rgba(0, 0, 0, 0.18); border-radius: 8px; }
}
.hint { color: var(--muted); font-size: 0.9em; border: 1px dashed var(--border); border-radius: 6px;
  padding: 10px; margin: 0; }
.panel { border: 1px solid var(--border); border-radius: 8px; background: var(--soft); padding: 10px 12px; }
.panel-head { display: flex; gap: 8px; align-items: flex-start; }
.panel-head h3 { font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted);
  margin: 0; flex: 1; }
.close { font-size: 0.8em; padding: 2px 8px; }
.back { font-size: 0.8em; padding: 2px 8px; margin: 6px 0 0; display: block; max-width: 100%;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.quote { font-family: Georgia, "Times New Roman", serif; margin: 6px 0 8px; padding-left: 10px;
  border-left: 3px solid var(--cor); }
.summary { font-size: 0.85em; margin: 0 0 8px; }
.group { margin: 10px 0 0; }
.group h4 { font-size: 0.95em; margin: 0 0 6px; display: flex; gap: 6px; align-items: baseline; }
.count { font-size: 0.8em; border-radius: 10px; padding: 0 7px; border: 1px solid currentColor; }
.group ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
.empty { font-size: 0.85em; color: var(--muted); margin: 0; }
.more { font-size: 0.8em; padding: 2px 8px; margin: 8px 0 0; }
.item { background: var(--bg); border: 1px solid var(--border); border-radius: 6px; padding: 8px; }
.item:focus:not(:focus-visible) { outline: none; }
.item[data-verdict="corroborates"] { border-left: 4px solid var(--cor); }
.item[data-verdict="differs"] { border-left: 4px dashed var(--dif-fill); }
.item[data-verdict="omits"] { border-left: 4px dotted var(--omi); }
.who { font-weight: 600; font-size: 0.88em; display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: baseline; }
.who .name { display: -webkit-box; -webkit-line-clamp: 2; line-clamp: 2; -webkit-box-orient: vertical;
  overflow: hidden; }
.who .meta { font-weight: 400; color: var(--muted); font-size: 0.78em; }
.evidence { display: block; width: 100%; margin-top: 6px; font-family: Georgia, "Times New Roman", serif;
  font-size: 0.92em; line-height: 1.45; border-color: transparent; background: var(--soft); }
.evidence:hover { border-color: var(--border); }
.evidence .go { display: block; font: 0.72em system-ui, sans-serif; color: var(--muted); margin-top: 2px; }
mark { background: var(--mark); color: inherit; border-radius: 2px; padding: 0 1px; }
mark.dif { background: var(--mark-dif); text-decoration: underline wavy var(--dif); text-underline-offset: 3px; }
.diffs { list-style: none; margin: 8px 0 0; padding: 0; display: grid; gap: 6px; }
.diff { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 8px; font-size: 0.85em; }
.diff .kind { grid-column: 1 / -1; font-size: 0.75em; font-weight: 700; color: var(--dif);
  text-transform: uppercase; letter-spacing: 0.04em; }
.diff .side-a, .diff .side-b { border: 1px solid var(--border); border-radius: 4px; padding: 4px 6px;
  background: var(--bg); }
.diff .lab { display: block; font-size: 0.7em; color: var(--muted); }
@container (max-width: 340px) { .diff { grid-template-columns: 1fr; } }
.none { font-size: 0.85em; color: var(--muted); margin: 4px 0 0; }

.overview { margin-top: 16px; border-top: 1px solid var(--border); padding-top: 10px; }
.overview h3 { font-size: 1em; margin: 0 0 4px; }
.overview .help { font-size: 0.8em; color: var(--muted); margin: 0 0 8px; }
.matrix { max-height: 420px; overflow: auto; border: 1px solid var(--border); border-radius: 6px;
  padding: 0 8px 8px; }
.mhead { position: sticky; top: 0; background: var(--bg); padding-top: 6px; z-index: 1; }
.mgroup h4 { font-size: 0.78em; font-weight: 600; margin: 8px 0 2px; color: var(--muted);
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.matrix svg { display: block; overflow: visible; flex: 0 0 auto; }
.mbody { display: flex; align-items: flex-start; gap: 6px; }
.mlabels { list-style: none; margin: 0; padding: 0; min-width: 0; flex: 1 1 auto; }
.mlabels li { height: 16px; line-height: 16px; font-size: 11px; color: var(--muted); white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; }
.mlabels li.row-open { color: var(--fg); font-weight: 600; }
.matrix text { fill: var(--fg); font: 700 11px system-ui, sans-serif; }
.cell { cursor: pointer; }
.cell .bgc { fill: transparent; stroke: none; }
.cell:hover .bgc { fill: var(--soft); }
.cell:focus { outline: none; }
.cell:focus .bgc { stroke: var(--focus); stroke-width: 2.5px; fill: var(--soft); }
.row-open .bgc { fill: var(--sel); }
.s-cor { fill: var(--cor); }
.s-dif { fill: var(--dif-fill); }
.s-omi { fill: none; stroke: var(--omi); stroke-width: 1.5px; }
.s-own { fill: var(--own); }
.s-none { fill: none; stroke: var(--own); stroke-width: 1px; stroke-dasharray: 2 2; }

.error { border: 2px solid var(--dif-fill); border-radius: 8px; padding: 12px; background: var(--bg);
  color: var(--fg); font: 15px/1.5 system-ui, sans-serif; }
.error strong { display: block; margin-bottom: 4px; }
.loading { margin: 0; padding: 12px; border: 1px dashed var(--border); border-radius: 8px;
  color: var(--muted); background: var(--bg); font: 15px/1.5 system-ui, sans-serif; }
"#
);

/// Annotate mode's panel host (added after `CSS` in its shadow root): floating beside the
/// sentence on wide screens, a bottom sheet on narrow ones. `!important` on `:host` wins over
/// the page's rules for the host element; its `left`/`top` are set from script.
pub const POPOVER: &str = squeezed!(
    r#"
:host {
  position: absolute !important; z-index: 2147483000 !important; margin: 0 !important;
  width: min(420px, calc(100vw - 16px)) !important; max-height: min(70vh, 640px) !important;
  overflow: auto !important; border-radius: 8px !important;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.25) !important;
}
.popover .panel { border: 0; background: var(--bg); padding: 0; }
.popover { padding: 10px 12px; }
@media (max-width: 600px) {
  :host {
    position: fixed !important; left: 0 !important; right: 0 !important; bottom: 0 !important;
    top: auto !important; width: auto !important; max-height: 65vh !important;
    border-radius: 12px 12px 0 0 !important;
  }
  .popover { border-radius: 12px 12px 0 0; border-bottom: 0; }
}
"#
);

/// The shadow root of annotate mode's marker after each sentence. The host is an empty inline,
/// so the publisher's lines break exactly where they did. Its badge ("✓2 ≠1 ∅0", symbol, border
/// shape and colour) shows while the marker has focus, while its panel is open, and while the
/// pointer is on the sentence's end (`--crosscheck-badge`, set by `ANNOTATED`); it hangs above
/// the sentence's last words, right-aligned to the sentence's end, so it never runs off the
/// page's right edge. At rest the sentence's underline tells its coverage instead.
pub const MARK: &str = squeezed!(
    r#"
:host {
  /* An empty inline, not an inline-block: an atomic inline is a line-break opportunity of its
     own and would re-wrap a host whose blocks a page made inline. Its content is all
     positioned out of flow, so it has no width. */
  all: initial !important; display: inline !important; position: relative !important;
  vertical-align: baseline !important; cursor: pointer !important; outline: none !important;
}
.badge {
  display: var(--crosscheck-badge, none);
  position: absolute; right: 0; bottom: 1.15em; z-index: 2147483000;
  gap: 3px; align-items: center;
  font: 700 11px/1 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  padding: 2px 4px; border-radius: 999px; border: 1px solid currentColor;
  background: #fff; white-space: nowrap; color: #005a8c;
  box-shadow: 0 1px 3px rgba(0, 0, 0, 0.25);
}
.badge.k-dif { color: #9c3d00; border-width: 2px; border-radius: 2px; }
.badge.k-omi { color: #4f5258; border-style: dashed; border-radius: 2px; }
:host(:focus) .badge, :host([aria-expanded="true"]) .badge { display: inline-flex; }
:host(:focus-visible) .badge { outline: 3px solid #0b5cad; outline-offset: 1px; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; }
:host([data-theme="dark"]) .badge { background: #16181c; color: #56b4e9; }
:host([data-theme="dark"]) .badge.k-dif { color: #e69f00; }
:host([data-theme="dark"]) .badge.k-omi { color: #a0a4ab; }
:host([data-theme="dark"]:focus-visible) .badge { outline-color: #8cc8ff; }
@media (prefers-color-scheme: dark) {
  :host([data-theme="auto"]) .badge { background: #16181c; color: #56b4e9; }
  :host([data-theme="auto"]) .badge.k-dif { color: #e69f00; }
  :host([data-theme="auto"]) .badge.k-omi { color: #a0a4ab; }
  :host([data-theme="auto"]:focus-visible) .badge { outline-color: #8cc8ff; }
}
"#
);

/// Adopted by a page in annotate mode: how a marked sentence looks in the publisher's text.
/// Colour and decoration only, never size, spacing or font, so nothing moves; the box
/// properties a page's broad rules (`.prose * { margin: … }`) might give any element are
/// pinned, with a selector that outranks such rules. The underline's style tells the coverage:
/// solid (corroborated), wavy (another report differs), dashed (no other report has it).
pub const ANNOTATED: &str = squeezed!(
    r#"
crosscheck-sentence[data-crosscheck-part] {
  display: inline !important; margin: 0 !important; padding: 0 !important; border: 0 !important;
  float: none !important; position: static !important; font: inherit !important;
  letter-spacing: inherit !important; word-spacing: inherit !important;
  vertical-align: baseline !important; cursor: pointer;
  text-decoration-line: underline; text-decoration-style: solid; text-decoration-thickness: 1px;
  text-decoration-color: rgba(0, 114, 178, 0.7); text-underline-offset: 0.2em;
}
crosscheck-sentence[data-crosscheck-coverage="differs"] { text-decoration-style: wavy;
  text-decoration-color: rgba(213, 94, 0, 0.85); }
crosscheck-sentence[data-crosscheck-coverage="omits"] { text-decoration-style: dashed;
  text-decoration-color: rgba(92, 95, 102, 0.8); }
crosscheck-sentence[data-crosscheck-part]:hover { background-color: rgba(0, 114, 178, 0.08); }
crosscheck-sentence[data-crosscheck-part]:hover + crosscheck-mark { --crosscheck-badge: inline-flex; }
crosscheck-sentence[data-crosscheck-open] { background-color: rgba(230, 159, 0, 0.25); }
"#
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squeezing_keeps_everything_but_comments_and_spacing() {
        // The sheets as written, read from this file: every character that is not white space
        // or inside a comment is kept, in order, and nothing else is dropped.
        let source = include_str!("style.rs");
        let written: Vec<&str> = source
            .split("squeezed!(")
            .skip(1)
            .filter_map(|s| {
                let s = &s[s.find("r#\"")? + 3..];
                Some(&s[..s.find("\"#")?])
            })
            .collect();
        let sheets = [CSS, POPOVER, MARK, ANNOTATED];
        assert_eq!(written.len(), sheets.len());
        let visible = |css: &str| -> String {
            let mut out = String::new();
            let mut rest = css;
            while let Some(at) = rest.find("/*") {
                out.push_str(&rest[..at]);
                rest = &rest[at + rest[at..].find("*/").unwrap() + 2..];
            }
            out.push_str(rest);
            out.split_whitespace().collect()
        };
        for (written, squeezed) in written.iter().zip(sheets) {
            assert_eq!(visible(written), visible(squeezed));
            assert!(!squeezed.contains("/*") && !squeezed.contains("  "));
            assert!(squeezed.len() < written.len());
        }
    }

    #[test]
    fn squeezing_keeps_the_spaces_css_needs() {
        let squeeze_str = |css: &str| {
            let mut out = vec![0u8; css.len()];
            let n = squeeze(css.as_bytes(), &mut out);
            out.truncate(n);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(
            squeeze_str("\n.a  .b > c { /* why */ width: calc(100% - 2px) ;\n  font: 1em \"Segoe  UI\", serif; }\n"),
            ".a .b > c{width: calc(100% - 2px);font: 1em \"Segoe  UI\",serif;}"
        );
        assert_eq!(
            squeeze_str("a:hover::after { content: ' / * ' }"),
            "a:hover::after{content: ' / * '}"
        );
    }
}
