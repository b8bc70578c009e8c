//! The Crosscheck widget: shows an article of the embedded cluster and, for any sentence a
//! reader picks, which other outlets corroborate, differ from or omit it.
//!
//! The widget only displays the engine's database; it never re-derives a verdict.
//!
//! Embedding: every element carrying `data-crosscheck` gets its own independent widget,
//! rendered inside an open shadow root attached to it and styled by an adopted constructable
//! stylesheet, so the host page's CSS cannot break it and a strict CSP needs no exception.
//! Each widget shows the embedded database, the page's inline one or a same-origin file
//! (`database`), and the page can drive it from JavaScript (`api`). See `docs/embedding.md`.

pub mod annotate;
pub mod api;
pub mod components;
pub mod database;
mod dom;
pub mod index;
mod order;
mod sheets;
pub mod state;
mod style;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

use crate::components::widget::{Widget, WidgetProps};
pub use crate::database::{load, Place, EMBEDDED_DB};
use crate::index::Index;
pub use crate::state::Theme;
use crate::state::{Loaded, SelectRequest};

/// The first line of every failure a reader can see.
pub const LOAD_FAILED: &str = "Crosscheck could not load this comparison.";

/// What an embedder chooses per widget (read from the container's `data-*` attributes).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// The id of the article shown first (`data-source`); unknown ids fall back to the first.
    pub source: Option<String>,
    /// `data-theme`: `auto` (default), `light` or `dark`.
    pub theme: Theme,
    /// `data-database`: where the database is (see [`Place::parse`]).
    pub database: Place,
}

impl Options {
    pub fn from_element(el: &Element) -> Options {
        let document = el.owner_document();
        Options {
            database: Place::parse(
                el.get_attribute("data-database").as_deref(),
                document.as_ref(),
            ),
            source: el
                .get_attribute("data-source")
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
            theme: el
                .get_attribute("data-theme")
                .map(|t| Theme::parse(&t))
                .unwrap_or_default(),
        }
    }
}

/// A widget that may be replaced or destroyed while a database file is on its way: `None`
/// once it is gone.
pub type Slot = Rc<RefCell<Option<Mounted>>>;

/// A mounted widget.
pub struct Mounted {
    handle: AppHandle<Widget>,
    root: ShadowRoot,
    props: WidgetProps,
}

impl Mounted {
    /// The open shadow root the widget renders into.
    pub fn shadow_root(&self) -> &ShadowRoot {
        &self.root
    }

    /// The database shown, once it has loaded.
    pub fn index(&self) -> Option<&Index> {
        match &self.props.loaded {
            Loaded::Ready(index) => Some(index),
            _ => None,
        }
    }

    /// Shows a database that has finished loading (or why it could not).
    pub fn set_loaded(&mut self, loaded: Loaded) {
        if let Loaded::Failed(why) = &loaded {
            web_sys::console::error_1(&format!("{LOAD_FAILED} {why}").into());
        }
        self.props.loaded = loaded;
        self.handle.update(self.props.clone());
    }

    /// Opens the panel of sentence `segment`, showing its article first, without moving the
    /// reader's focus. Returns whether the shown database has such a sentence with verdicts;
    /// a request made while the database is loading is kept and applied once it is shown.
    pub fn select(&mut self, segment: u32) -> bool {
        let seq = self.props.select.map_or(1, |r| r.seq + 1);
        self.props.select = Some(SelectRequest { seq, segment });
        self.handle.update(self.props.clone());
        self.index()
            .and_then(|i| i.segment(segment))
            .is_some_and(|s| s.kind.gets_verdicts())
    }

    /// Removes the widget and forgets its shadow root.
    pub fn unmount(self) {
        self.handle.destroy();
        ROOTS.with(|r| {
            if let Ok(mut r) = r.try_borrow_mut() {
                r.retain(|x| x != &self.root);
            }
        });
        while let Some(child) = self.root.first_child() {
            let _ = self.root.remove_child(&child);
        }
    }
}

thread_local! {
    /// Every shadow root we render into, so a panic can replace each widget with a message.
    static ROOTS: RefCell<Vec<ShadowRoot>> = const { RefCell::new(Vec::new()) };
    static HOOK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Mounts a widget showing the database `bytes` into `container`. A database that does not
/// decode shows the error box; only a DOM failure is an `Err`.
pub fn mount(container: &Element, bytes: &[u8], options: Options) -> Result<Mounted, JsValue> {
    mount_loaded(container, load(bytes), options)
}

/// Mounts a widget showing the embedded database.
pub fn mount_embedded(container: &Element, options: Options) -> Result<Mounted, JsValue> {
    mount_loaded(container, database::embedded(), options)
}

/// Mounts a widget showing the database its options name. A database file is fetched after
/// the widget shows "Loading"; the returned future resolves once it is shown (or has failed)
/// and tells which.
pub fn mount_place(
    container: &Element,
    options: Options,
) -> Result<(Slot, js_sys::Promise), JsValue> {
    let Place::Url(url) = options.database.clone() else {
        let loaded = database::load_now(&options.database, container.owner_document().as_ref());
        let ok = matches!(loaded, Loaded::Ready(_));
        let mounted = mount_loaded(container, loaded, options)?;
        let ready = js_sys::Promise::resolve(&JsValue::from_bool(ok));
        return Ok((Rc::new(RefCell::new(Some(mounted))), ready));
    };
    let mounted = Rc::new(RefCell::new(Some(mount_loaded(
        container,
        Loaded::Loading,
        options,
    )?)));
    let slot = mounted.clone();
    let ready = wasm_bindgen_futures::future_to_promise(async move {
        let loaded = database::fetch(&url).await;
        let ok = matches!(loaded, Loaded::Ready(_));
        // The widget may have been destroyed while the file was on its way.
        if let Ok(mut slot) = slot.try_borrow_mut() {
            if let Some(m) = slot.as_mut() {
                m.set_loaded(loaded);
            }
        }
        Ok(JsValue::from_bool(ok))
    });
    Ok((mounted, ready))
}

pub(crate) fn mount_loaded(
    container: &Element,
    loaded: Loaded,
    options: Options,
) -> Result<Mounted, JsValue> {
    install_panic_hook();
    if let Loaded::Failed(why) = &loaded {
        web_sys::console::error_1(&format!("{LOAD_FAILED} {why}").into());
    }
    let root = match container.shadow_root() {
        Some(r) => {
            while let Some(child) = r.first_child() {
                r.remove_child(&child)?;
            }
            r
        }
        None => container.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    sheets::adopt(&root, &[style::CSS])?;
    let document = container
        .owner_document()
        .ok_or_else(|| JsValue::from_str("the container is not in a document"))?;
    let host = document.create_element("div")?;
    root.append_child(&host)?;
    ROOTS.with(|r| {
        if let Ok(mut r) = r.try_borrow_mut() {
            if !r.contains(&root) {
                r.push(root.clone());
            }
        }
    });
    let props = WidgetProps {
        loaded,
        source: options.source,
        theme: options.theme,
        select: None,
        on_select: Some(api::select_event(container)),
    };
    let handle = yew::Renderer::<Widget>::with_root_and_props(host, props.clone()).render();
    Ok(Mounted {
        handle,
        root,
        props,
    })
}

/// Mounts the embedded database into every `[data-crosscheck]` element of the page that has
/// no widget yet, and returns how many it mounted. Safe to call again after adding
/// containers.
#[wasm_bindgen(js_name = mountAll)]
pub fn mount_all() -> usize {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    let Ok(list) = document.query_selector_all("[data-crosscheck]") else {
        return 0;
    };
    let mut mounted = 0;
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if el.shadow_root().is_some() {
            continue;
        }
        let options = Options::from_element(&el);
        match mount_place(&el, options) {
            Ok(_) => mounted += 1,
            Err(e) => web_sys::console::error_2(&JsValue::from_str(LOAD_FAILED), &e),
        }
    }
    mounted
}

/// Replaces every widget's content with the failure message; the host page is not touched.
pub fn show_failure(why: &str) {
    ROOTS.with(|roots| {
        let Ok(roots) = roots.try_borrow() else {
            return;
        };
        for root in roots.iter() {
            let _ = render_failure(root, why);
        }
    });
}

fn render_failure(root: &ShadowRoot, why: &str) -> Result<(), JsValue> {
    let doc = root
        .owner_document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    while let Some(child) = root.first_child() {
        root.remove_child(&child)?;
    }
    let outer = doc.create_element("div")?;
    outer.set_class_name("cc theme-auto");
    let boxed = doc.create_element("div")?;
    boxed.set_class_name("error");
    boxed.set_attribute("role", "alert")?;
    boxed.set_attribute("data-error", "")?;
    let strong = doc.create_element("strong")?;
    strong.set_text_content(Some(LOAD_FAILED));
    boxed.append_child(&strong)?;
    boxed.append_child(&doc.create_text_node(why))?;
    outer.append_child(&boxed)?;
    root.append_child(&outer)?;
    Ok(())
}

/// On a panic: a console error for the developer, and in every widget a message for the
/// reader instead of a frozen or blank box.
pub fn install_panic_hook() {
    if HOOK.with(|h| h.replace(true)) {
        return;
    }
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Crosscheck: internal error: {info}").into());
        show_failure("An internal error stopped it; the rest of this page is unaffected.");
    }));
}
