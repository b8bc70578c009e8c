//! The marker after each anchored sentence: a zero-width button whose badge lives in its own
//! shadow root, so the page's CSS cannot restyle it and its lines break where they did.

use web_sys::{Document, Element};

use super::marks::MARK_TAG;
use crate::index::Index;
use crate::state::Theme;
use crate::{sheets, style};

/// The coverage a sentence is shown with: differs wins, then corroborates, else omits; a
/// sentence whose verdicts cannot be read is `unreadable`, never shown as omitted.
pub fn strongest(index: &Index, segment: u32) -> &'static str {
    let c = index.coverage(segment);
    if c.unreadable {
        "unreadable"
    } else if c.differs > 0 {
        "differs"
    } else if c.corroborates > 0 {
        "corroborates"
    } else {
        "omits"
    }
}

/// Makes the marker of `segment`. Its accessible name is its content (an `aria-label` would
/// not match the visible glyphs, which speech-input users read out to click it), and it has no
/// `title`, which screen readers would read a second time.
pub fn make(document: &Document, index: &Index, segment: u32, theme: Theme) -> Option<Element> {
    let c = index.coverage(segment);
    let m = document.create_element(MARK_TAG).ok()?;
    m.set_attribute("data-segment", &segment.to_string()).ok()?;
    m.set_attribute("data-theme", theme.as_str()).ok()?;
    m.set_attribute("role", "button").ok()?;
    m.set_attribute("tabindex", "0").ok()?;
    m.set_attribute("aria-haspopup", "dialog").ok()?;
    m.set_attribute("aria-expanded", "false").ok()?;
    let root = m
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .ok()?;
    sheets::adopt(&root, &[style::MARK]).ok()?;
    let class = match strongest(index, segment) {
        "differs" => "k-dif",
        "corroborates" => "k-cor",
        _ => "k-omi",
    };
    let spoken = document.create_element("span").ok()?;
    spoken.set_class_name("sr-only");
    spoken.set_text_content(Some(&format!("Cross-check this sentence: {}", c.spoken())));
    let badge = document.create_element("span").ok()?;
    badge.set_class_name(&format!("badge {class}"));
    badge.set_attribute("aria-hidden", "true").ok()?;
    badge.set_text_content(Some(&if c.unreadable {
        "? unreadable".to_string()
    } else {
        format!("✓{} ≠{} ∅{}", c.corroborates, c.differs, c.omits)
    }));
    root.append_child(&spoken).ok()?;
    root.append_child(&badge).ok()?;
    Some(m)
}
