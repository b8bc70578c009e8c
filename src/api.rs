//! The page's JavaScript API: `window.Crosscheck.mount(element, options)` and the
//! `crosscheck:select` event, so a publisher can place, drive and listen to widgets from their
//! own scripts. `www/crosscheck.js` publishes these exports on `window.Crosscheck`;
//! `www/crosscheck.d.ts` declares them for TypeScript.
//!
//! What crosses to JavaScript is the JSON export's own shape (the model's serde form, written by
//! serde-wasm-bindgen), so a script reads a verdict here exactly as it would read one in
//! `crosscheck build --format json`'s output.

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crosscheck_model::{Difference, Label, Segment, SharedSpan, Verdict};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Element};
use yew::Callback;

use crate::database::{self, Place};
use crate::index::Index;
use crate::state::{Shared, Theme};
use crate::{Mounted, Options, Slot};

/// A widget the registry does not keep alive.
type WeakSlot = Weak<RefCell<Option<Mounted>>>;

/// The event a host element receives each time one of its widget's sentences is opened.
pub const SELECT_EVENT: &str = "crosscheck:select";

thread_local! {
    /// Widgets mounted through the API, by host element, so mounting twice into one element
    /// replaces the first widget instead of leaving it running unseen.
    static LIVE: RefCell<Vec<(Element, WeakSlot)>> =
        const { RefCell::new(Vec::new()) };
}

/// A widget mounted by `Crosscheck.mount`.
#[wasm_bindgen]
pub struct Handle {
    mounted: Slot,
    ready: js_sys::Promise,
}

#[wasm_bindgen]
impl Handle {
    /// Opens sentence `segment`'s panel (showing its article first) without moving the
    /// reader's focus. Returns whether the database has that sentence with verdicts; before a
    /// database file has arrived the request is kept and applied when it does.
    pub fn select(&self, segment: u32) -> bool {
        match self.mounted.try_borrow_mut() {
            Ok(mut m) => m.as_mut().is_some_and(|m| m.select(segment)),
            Err(_) => false,
        }
    }

    /// The verdicts on sentence `segment`, one per other source, shaped like the JSON
    /// export's `verdicts`, with the omissions the database leaves implicit filled in (their
    /// `score` `null`); `null` for a sentence the database does not have (or before it has
    /// loaded), and for one whose verdicts cannot be read (`Index::unreadable`).
    pub fn verdicts(&self, segment: u32) -> JsValue {
        let Ok(m) = self.mounted.try_borrow() else {
            return JsValue::NULL;
        };
        match m.as_ref().and_then(|m| m.index()) {
            Some(index)
                if index.segment(segment).is_some() && index.unreadable(segment).is_none() =>
            {
                to_js(&views(&index.verdicts_of(segment))).unwrap_or(JsValue::NULL)
            }
            _ => JsValue::NULL,
        }
    }

    /// Removes the widget; the handle does nothing afterwards.
    pub fn destroy(&self) {
        let taken = self
            .mounted
            .try_borrow_mut()
            .ok()
            .and_then(|mut m| m.take());
        if let Some(m) = taken {
            m.unmount();
        }
        LIVE.with(|l| {
            if let Ok(mut l) = l.try_borrow_mut() {
                l.retain(|(_, w)| w.upgrade().is_some_and(|m| !Rc::ptr_eq(&m, &self.mounted)));
            }
        });
    }

    /// Resolves to `true` once the database is shown, `false` if the widget shows why it
    /// could not be.
    #[wasm_bindgen(getter)]
    pub fn ready(&self) -> js_sys::Promise {
        self.ready.clone()
    }
}

/// `Crosscheck.mount(element, {source, theme, database})`. Options left out are read from the
/// element's `data-*` attributes. `database` is a `data-database`-style string (a same-origin
/// URL, `#id` of an inline database, or `embedded`), a parsed JSON export object, or the
/// bytes of either form (`ArrayBuffer` or `Uint8Array`).
#[wasm_bindgen(js_name = mount)]
pub fn mount_js(element: Element, options: JsValue) -> Result<Handle, JsValue> {
    let (opts, loaded) = read_options(&element, &options);
    forget(&element);
    let (mounted, ready) = match loaded {
        Some(loaded) => {
            let ok = matches!(loaded, crate::state::Loaded::Ready(_));
            let m = crate::mount_loaded(&element, loaded, opts)?;
            let ready = js_sys::Promise::resolve(&JsValue::from_bool(ok));
            (Rc::new(RefCell::new(Some(m))), ready)
        }
        None => crate::mount_place(&element, opts)?,
    };
    LIVE.with(|l| {
        if let Ok(mut l) = l.try_borrow_mut() {
            l.push((element, Rc::downgrade(&mounted)));
        }
    });
    Ok(Handle { mounted, ready })
}

/// The options of `mount` and `annotate`: the element's `data-*` attributes, overridden by
/// what the script gave; and the database itself when the script gave it rather than a place.
fn read_options(element: &Element, options: &JsValue) -> (Options, Option<crate::state::Loaded>) {
    let mut opts = Options::from_element(element);
    let get = |key: &str| {
        if options.is_object() {
            js_sys::Reflect::get(options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
        } else {
            JsValue::UNDEFINED
        }
    };
    if let Some(source) = get("source").as_string() {
        opts.source = Some(source.trim().to_string()).filter(|s| !s.is_empty());
    }
    if let Some(theme) = get("theme").as_string() {
        opts.theme = Theme::parse(&theme);
    }
    let given = get("database");
    let loaded = if let Some(place) = given.as_string() {
        opts.database = Place::parse(Some(&place), element.owner_document().as_ref());
        None
    } else if given.is_instance_of::<js_sys::ArrayBuffer>()
        || given.is_instance_of::<js_sys::Uint8Array>()
    {
        Some(database::from_bytes(
            js_sys::Uint8Array::new(&given).to_vec(),
        ))
    } else if given.is_object() {
        Some(database::from_js(&given))
    } else {
        None
    };
    (opts, loaded)
}

/// An article annotated by `Crosscheck.annotate`.
#[wasm_bindgen]
pub struct Annotated {
    slot: crate::annotate::AnnotationSlot,
    ready: js_sys::Promise,
}

#[wasm_bindgen]
impl Annotated {
    /// Resolves to the number of sentences marked, once the database is in and anchoring ran.
    #[wasm_bindgen(getter)]
    pub fn ready(&self) -> js_sys::Promise {
        self.ready.clone()
    }

    /// How many of the article's sentences were found in the page: `{anchored, total}` for
    /// claims and headlines, `{claimsAnchored, claims}` for claims alone.
    pub fn tally(&self) -> JsValue {
        let t = self
            .slot
            .try_borrow()
            .ok()
            .and_then(|a| a.as_ref().map(|a| a.tally()))
            .unwrap_or_default();
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &"anchored".into(), &JsValue::from(t.anchored as u32));
        let _ = js_sys::Reflect::set(&o, &"total".into(), &JsValue::from(t.total as u32));
        let _ = js_sys::Reflect::set(
            &o,
            &"claimsAnchored".into(),
            &JsValue::from(t.claims_anchored as u32),
        );
        let _ = js_sys::Reflect::set(&o, &"claims".into(), &JsValue::from(t.claims as u32));
        o.into()
    }

    /// The ids of the sentences marked in the page, in reading order.
    pub fn anchored(&self) -> Vec<u32> {
        self.slot
            .try_borrow()
            .ok()
            .and_then(|a| a.as_ref().map(|a| a.anchored()))
            .unwrap_or_default()
    }

    /// Opens a marked sentence's panel without moving focus; false when it is not marked in the
    /// page (or the database has not arrived yet).
    pub fn select(&self, segment: u32) -> bool {
        crate::annotate::select(&self.slot, segment)
    }

    /// Takes every mark out; the article's text is as it was.
    pub fn destroy(&self) {
        crate::annotate::remove(&self.slot);
    }
}

/// `Crosscheck.annotate(element, {source, theme, database})`: marks the sentences of article
/// `source` in the publisher's own `element`. Options left out are read from the element's
/// `data-*` attributes, as for `[data-crosscheck-annotate]`.
#[wasm_bindgen(js_name = annotate)]
pub fn annotate_js(element: Element, options: JsValue) -> Annotated {
    let (opts, given) = read_options(&element, &options);
    let (slot, ready) = match given {
        Some(loaded) => crate::annotate::annotate_loaded(&element, loaded, opts),
        None => crate::annotate::annotate(&element, opts),
    };
    Annotated { slot, ready }
}

/// Unmounts the widget the API mounted into `element` earlier, if any.
fn forget(element: &Element) {
    let old: Vec<_> = LIVE.with(|l| {
        let Ok(mut l) = l.try_borrow_mut() else {
            return Vec::new();
        };
        let (gone, kept): (Vec<_>, Vec<_>) = l.drain(..).partition(|(e, _)| e == element);
        *l = kept
            .into_iter()
            .filter(|(_, w)| w.strong_count() > 0)
            .collect();
        gone
    });
    for (_, weak) in old {
        if let Some(m) = weak
            .upgrade()
            .and_then(|rc| rc.try_borrow_mut().ok().and_then(|mut m| m.take()))
        {
            m.unmount();
        }
    }
}

/// The `detail` of a `crosscheck:select` event.
#[derive(Serialize)]
struct Selected<'a> {
    /// The id of the article the sentence belongs to.
    source: &'a str,
    segment: &'a Segment,
    /// `null` when the sentence's verdicts cannot be read (`Index::unreadable`).
    verdicts: Option<Vec<VerdictView<'a>>>,
}

/// A verdict as the JSON export writes it. The score is stored as an `f32`; widened as it is
/// it would reach a script as 0.8999999761581421 where the export says 0.9, so it goes through
/// its shortest decimal form. An omission the database leaves implicit has none: `null`.
#[derive(Serialize)]
struct VerdictView<'a> {
    segment: u32,
    other: &'a str,
    label: Label,
    score: Option<f64>,
    evidence: &'a [u32],
    differences: &'a [Difference],
    shared: &'a [SharedSpan],
}

/// The `f64` with the fewest decimals that is the same `f32`: what the JSON export prints
/// (0.9 for the `f32` nearest 0.9). By arithmetic: formatting and parsing a float would link
/// about 20 KiB of tables into every reader's download.
fn shortest(score: f32) -> f64 {
    let wide = f64::from(score);
    let mut scale = 1.0;
    for _ in 0..9 {
        let r = (wide * scale).round() / scale;
        if r as f32 == score {
            return r;
        }
        scale *= 10.0;
    }
    wide
}

/// Views of `Index::verdicts_of`: its owned entries are the implicit omissions.
fn views<'a>(verdicts: &'a [Cow<'_, Verdict>]) -> Vec<VerdictView<'a>> {
    verdicts
        .iter()
        .map(|v| VerdictView {
            segment: v.segment,
            other: &v.other,
            label: v.label,
            score: match v {
                Cow::Borrowed(v) => Some(shortest(v.score)),
                Cow::Owned(_) => None,
            },
            evidence: &v.evidence,
            differences: &v.differences,
            shared: &v.shared,
        })
        .collect()
}

/// The callback a widget calls when a sentence opens: a `crosscheck:select` event on its host
/// element, which bubbles (and crosses shadow roots, for a host inside the page's own
/// components) so one listener on `document` hears every widget.
pub(crate) fn select_event(host: &Element) -> Callback<(Shared, u32)> {
    let host = host.clone();
    Callback::from(move |(index, segment): (Shared, u32)| {
        let Some(detail) = selected(&index, segment) else {
            return;
        };
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(SELECT_EVENT, &init) {
            let _ = host.dispatch_event(&event);
        }
    })
}

fn selected(index: &Index, segment: u32) -> Option<JsValue> {
    let seg = index.segment(segment)?;
    let verdicts = index.verdicts_of(segment);
    to_js(&Selected {
        source: &seg.source,
        segment: seg,
        verdicts: index
            .unreadable(segment)
            .is_none()
            .then(|| views(&verdicts)),
    })
}

/// The JSON export's shape: `null` for a missing value, objects for structs, arrays for
/// spans.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Option<JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .ok()
}

#[cfg(test)]
mod tests {
    use super::shortest;

    #[test]
    fn scores_reach_scripts_as_the_export_writes_them() {
        for (score, want) in [
            (0.9f32, 0.9),
            (0.8125, 0.8125),
            (1.0, 1.0),
            (0.0, 0.0),
            (0.33, 0.33),
        ] {
            assert_eq!(shortest(score), want, "{score}");
        }
        let odd = 0.123_456_79_f32;
        assert_eq!(shortest(odd) as f32, odd, "always the same f32");
    }
}
