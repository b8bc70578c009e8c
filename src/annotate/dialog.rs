//! Annotate mode's panel: opening and closing it for a marked sentence, where it sits, and
//! where focus goes. The panel is the reader box's `Panel` in `components::popover`, rendered
//! into a shadow root on a host at the end of `<body>`, so nothing of it flows into the page.
//!
//! State lives in the `Annotation` behind a `RefCell`. Every function here takes its borrow,
//! decides, and drops it *before* moving focus or firing `crosscheck:select`: both run page
//! listeners synchronously, and a listener may call back into the annotation (`tally`,
//! `destroy`).

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Document, Event, HtmlElement, KeyboardEvent};
use yew::Callback;

use super::events::Listener;
use super::{marks, Annotation, AnnotationSlot, PopoverHost, WeakSlot};
use crate::components::popover::{Popover, PopoverProps};
use crate::state::{Shared, Theme};
use crate::{sheets, style};

/// On a marked sentence's wrappers while its panel is open.
const OPEN_ATTR: &str = "data-crosscheck-open";
/// The panel's width on wide screens (px); `style::POPOVER` says the same.
const WIDTH: f64 = 420.0;

/// Opens a sentence's panel, or closes it if it is the open one.
pub fn toggle(slot: &WeakSlot, segment: u32, take_focus: bool) {
    let Some(rc) = slot.upgrade() else {
        return;
    };
    let is_open = rc
        .try_borrow()
        .is_ok_and(|a| a.as_ref().is_some_and(|a| a.open == Some(segment)));
    if is_open {
        close(slot, true);
    } else {
        open(&rc, segment, take_focus);
    }
}

/// Opens the panel of a marked sentence; false when it is not marked here. With `take_focus`
/// (a reader's click or key) focus moves into the panel; the JS API's `select` leaves it.
/// Opening the sentence already open changes nothing and fires no second event.
pub fn open(rc: &AnnotationSlot, segment: u32, take_focus: bool) -> bool {
    let event = {
        let Ok(mut guard) = rc.try_borrow_mut() else {
            return false;
        };
        let Some(a) = guard.as_mut() else {
            return false;
        };
        let Some(index) = a.index.clone() else {
            return false;
        };
        if a.marker(segment).is_none() {
            return false;
        }
        if a.open == Some(segment) {
            return true;
        }
        a.highlight(false);
        a.open = Some(segment);
        a.highlight(true);
        a.show(&Rc::downgrade(rc), index.clone(), segment, take_focus);
        (a.on_select.clone(), index)
    };
    event.0.emit((event.1, segment));
    true
}

/// Closes the open panel; with `refocus`, focus returns to the sentence's marker. False when
/// nothing was open.
pub fn close(slot: &WeakSlot, refocus: bool) -> bool {
    let Some(rc) = slot.upgrade() else {
        return false;
    };
    let marker = {
        let Ok(mut guard) = rc.try_borrow_mut() else {
            return false;
        };
        let Some(a) = guard.as_mut() else {
            return false;
        };
        let Some(seg) = a.open else {
            return false;
        };
        a.highlight(false);
        a.open = None;
        if let Some(p) = a.popover.as_mut() {
            p.props.segment = None;
            p.app.update(p.props.clone());
            let _ = p.host.set_attribute("hidden", "");
        }
        a.marker(seg).cloned()
    };
    if refocus {
        if let Some(m) = marker {
            crate::dom::focus(&m);
        }
    }
    true
}

/// Whether an event happened inside the open panel.
pub fn contains(slot: &WeakSlot, e: &Event) -> bool {
    let Some(rc) = slot.upgrade() else {
        return false;
    };
    let Ok(a) = rc.try_borrow() else {
        return false;
    };
    let Some(p) = a.as_ref().and_then(|a| a.popover.as_ref()) else {
        return false;
    };
    e.composed_path().includes(&p.host, 0)
}

/// Places the open panel again (the window was resized).
pub fn replace(slot: &WeakSlot) {
    if let Some(rc) = slot.upgrade() {
        if let Ok(a) = rc.try_borrow() {
            if let Some(a) = a.as_ref() {
                a.place();
            }
        }
    }
}

impl Annotation {
    /// Marks (or unmarks) the open sentence's wrappers and its marker as open.
    fn highlight(&self, on: bool) {
        let Some(seg) = self.open else {
            return;
        };
        // This annotation's own wrappers, not a query: an annotated element nested in another
        // (or one with a second database) has wrappers with the same segment ids.
        let id = seg.to_string();
        let own = self.marked.iter().flat_map(|m| m.wrappers.iter());
        for el in own.filter(|w| w.get_attribute(marks::PART_ATTR).as_deref() == Some(&id)) {
            let _ = if on {
                el.set_attribute(OPEN_ATTR, "")
            } else {
                el.remove_attribute(OPEN_ATTR)
            };
        }
        if let Some(m) = self.marker(seg) {
            let _ = m.set_attribute("aria-expanded", if on { "true" } else { "false" });
        }
    }

    fn show(&mut self, slot: &WeakSlot, index: Shared, segment: u32, take_focus: bool) {
        let Some(document) = self.root.owner_document() else {
            return;
        };
        if self.popover.is_none() {
            self.popover = make_popover(&document, slot.clone(), index, self.theme);
            if let Some(p) = &self.popover {
                self.listeners.push(tab_out(&p.host, slot.clone()));
            }
        }
        let Some(p) = self.popover.as_mut() else {
            return;
        };
        let _ = p.host.remove_attribute("hidden");
        p.props.segment = Some(segment);
        p.props.focus = take_focus;
        p.app.update(p.props.clone());
        self.place();
    }

    /// Puts the panel beside the article if there is room, else under the sentence; narrow
    /// screens get a bottom sheet from the stylesheet instead.
    pub(super) fn place(&self) {
        let (Some(p), Some(seg)) = (&self.popover, self.open) else {
            return;
        };
        let (Some(marker), Some(window)) = (self.marker(seg), web_sys::window()) else {
            return;
        };
        let vw = window
            .inner_width()
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(1024.0);
        let (sx, sy) = (
            window.scroll_x().unwrap_or(0.0),
            window.scroll_y().unwrap_or(0.0),
        );
        let width = WIDTH.min(vw - 16.0);
        let line = marker.get_bounding_client_rect();
        let article = self.root.get_bounding_client_rect();
        let (left, top) = if vw - article.right() >= width + 24.0 {
            (article.right() + 16.0, line.top() - 24.0)
        } else {
            let left = within(line.left() - width / 2.0, 8.0, (vw - width - 8.0).max(8.0));
            (left, line.bottom() + 10.0)
        };
        // CSSOM, not a `style=` attribute: a strict CSP allows it.
        let style = p.host.style();
        let _ = style.set_property("left", &format!("{}px", (left + sx).round() as i64));
        let _ = style.set_property("top", &format!("{}px", (top + sy).max(0.0).round() as i64));
    }
}

/// `x.clamp(lo, hi)` for `lo <= hi`, which the caller guarantees. `f64::clamp` checks it and
/// would format both bounds in its panic message: that linked `f64`'s `Debug` printing into the
/// wasm (1 KB gzip) for a panic that cannot happen here.
fn within(x: f64, lo: f64, hi: f64) -> f64 {
    if x < lo {
        lo
    } else if x > hi {
        hi
    } else {
        x
    }
}

fn make_popover(
    document: &Document,
    slot: WeakSlot,
    index: Shared,
    theme: Theme,
) -> Option<PopoverHost> {
    let host: HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    host.set_attribute("data-crosscheck-popover", "").ok()?;
    let root = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .ok()?;
    sheets::adopt(&root, &[style::CSS, style::POPOVER]).ok()?;
    let mount = document.create_element("div").ok()?;
    root.append_child(&mount).ok()?;
    document.body()?.append_child(&host).ok()?;
    let props = PopoverProps {
        index,
        segment: None,
        theme,
        focus: false,
        on_close: Callback::from(move |()| {
            close(&slot, true);
        }),
    };
    let app = yew::Renderer::<Popover>::with_root_and_props(mount, props.clone()).render();
    Some(PopoverHost { host, app, props })
}

/// Tab past the panel's last control goes on to the next marked sentence, and Shift+Tab
/// before its first goes back to this one: the dialog's element sits at the end of the page,
/// but in reading order it belongs right after its sentence.
fn tab_out(host: &HtmlElement, slot: WeakSlot) -> Listener {
    let shadow = host.shadow_root();
    Listener::new(
        host,
        "keydown",
        Box::new(move |e: Event| {
            let Some(k) = e.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            if k.key() != "Tab" {
                return;
            }
            let Some(shadow) = &shadow else {
                return;
            };
            let Ok(list) =
                shadow.query_selector_all("button, a[href], [tabindex]:not([tabindex=\"-1\"])")
            else {
                return;
            };
            let (Some(first), Some(last)) =
                (list.item(0), list.item(list.length().saturating_sub(1)))
            else {
                return;
            };
            let active: Option<web_sys::Node> = shadow.active_element().map(Into::into);
            let at = |n: &web_sys::Node| active.as_ref() == Some(n);
            let forward = !k.shift_key();
            if (forward && at(&last)) || (!forward && at(&first)) {
                e.prevent_default();
                leave(&slot, forward);
            }
        }),
    )
}

/// Closes the panel and moves focus to the open sentence's marker, or the one after it.
fn leave(slot: &WeakSlot, forward: bool) {
    let Some(rc) = slot.upgrade() else {
        return;
    };
    let target = {
        let Ok(guard) = rc.try_borrow() else {
            return;
        };
        let Some(a) = guard.as_ref() else {
            return;
        };
        let Some(pos) = a
            .open
            .and_then(|o| a.markers.iter().position(|(s, _)| *s == o))
        else {
            return;
        };
        let next = if forward { pos + 1 } else { pos };
        a.markers
            .get(next)
            .or(a.markers.get(pos))
            .map(|(_, m)| m.clone())
    };
    close(slot, false);
    if let Some(m) = target {
        crate::dom::focus(&m);
    }
}
