//! Where a widget's claim database comes from, and turning it into what the widget shows.
//!
//! Three places, chosen per widget (`data-database`, or the JS API's `database` option):
//! - the database embedded in the module at build time (the default);
//! - an inline `<script type="application/json" data-crosscheck-db>` in the page, so a
//!   publisher ships one story's database without compiling anything;
//! - a file beside the widget (`data-database="claims/flood.json"` or `.bin`), fetched from the
//!   page's own origin only: the widget never talks to another site.
//!
//! Both forms the CLI writes are read. The binary form is decoded in Rust; the JSON export is
//! parsed by the browser's own `JSON.parse` and mapped onto the model with serde-wasm-bindgen,
//! so the reader's download carries no JSON parser. Either way the model's version and every
//! cross-reference are checked before anything is shown, and a bad database becomes the
//! widget's error box, never an exception on the host page.

use std::cell::RefCell;
use std::rc::Rc;

use crosscheck_model::{Database, DbError, Incoming, BIN_MAGIC, DB_VERSION};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element};

use crate::index::Index;
use crate::state::{Loaded, Shared};

/// The claim database generated from `seeds/` (or `CROSSCHECK_CLUSTER`) by `build.rs`.
pub static EMBEDDED_DB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/claims.bin"));

/// The attribute that marks an inline database.
pub const INLINE_ATTR: &str = "data-crosscheck-db";

/// Where one widget's database is, as the embedder named it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Place {
    /// The database built into the module.
    #[default]
    Embedded,
    /// The page's inline database: the `<script data-crosscheck-db>` with this id, or the
    /// first one when `None`.
    Inline(Option<String>),
    /// A same-origin URL, relative to the page.
    Url(String),
}

impl Place {
    /// Reads a `data-database` value: `#id` names an inline script, `embedded` the built-in
    /// database, anything else is a URL. Without one, the page's first inline database if it
    /// has one, else the embedded one.
    pub fn parse(value: Option<&str>, document: Option<&Document>) -> Place {
        match value.map(str::trim).filter(|v| !v.is_empty()) {
            Some("embedded") => Place::Embedded,
            Some(v) if v.starts_with('#') => Place::Inline(Some(v[1..].to_string())),
            Some(v) => Place::Url(v.to_string()),
            None => match document.and_then(first_inline) {
                Some(_) => Place::Inline(None),
                None => Place::Embedded,
            },
        }
    }
}

fn first_inline(document: &Document) -> Option<Element> {
    document
        .query_selector(&format!("script[{INLINE_ATTR}]"))
        .ok()
        .flatten()
}

thread_local! {
    /// The embedded database, decoded once however many widgets the page holds.
    static EMBEDDED: RefCell<Option<Loaded>> = const { RefCell::new(None) };
}

/// Decodes and validates a binary claim database into what a widget shows (see
/// `Index::decode`).
pub fn load(bytes: impl Into<Vec<u8>>) -> Loaded {
    loaded(Index::decode(bytes))
}

/// The embedded database, decoded on first use.
pub fn embedded() -> Loaded {
    EMBEDDED.with(|e| match e.try_borrow_mut() {
        Ok(mut e) => e.get_or_insert_with(|| load(EMBEDDED_DB)).clone(),
        Err(_) => load(EMBEDDED_DB),
    })
}

fn loaded(result: Result<Index, DbError>) -> Loaded {
    match result {
        Ok(index) => Loaded::Ready(Shared(Rc::new(index))),
        Err(e) => failed(&e.to_string()),
    }
}

fn failed(why: &str) -> Loaded {
    Loaded::Failed(format!("{}.", capitalise(why)))
}

/// The messages are the model's own, in ASCII English: `char::to_uppercase` would link the
/// whole Unicode case table (about 16 KiB of wasm) for their first letter.
fn capitalise(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// Reads a JSON export already parsed into a JS value (`JSON.parse`, or an object a page
/// passes to the JS API). The version is read before anything else, so another version gets
/// its own message rather than a field error.
pub fn from_js(value: &JsValue) -> Loaded {
    loaded(index_from_js(value))
}

fn index_from_js(value: &JsValue) -> Result<Index, DbError> {
    if !value.is_object() {
        return Err(DbError::NotADatabase);
    }
    let version = js_sys::Reflect::get(value, &JsValue::from_str("version"))
        .ok()
        .and_then(|v| v.as_f64())
        .ok_or(DbError::NotADatabase)?;
    if version != f64::from(DB_VERSION) {
        return Err(DbError::WrongVersion {
            found: if version >= 0.0 && version < f64::from(u32::MAX) {
                version as u32
            } else {
                u32::MAX
            },
            expected: DB_VERSION,
        });
    }
    let db: Database = serde_wasm_bindgen::from_value(value.clone())
        .map_err(|e| DbError::Corrupt(e.to_string()))?;
    db.validate()?;
    Ok(Index::new(db))
}

/// Reads a database file's bytes: the binary form by its magic, else the JSON export.
pub fn from_bytes(bytes: Vec<u8>) -> Loaded {
    if bytes.starts_with(BIN_MAGIC) {
        return load(bytes);
    }
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return failed(&DbError::NotADatabase.to_string());
    };
    from_json_text(text)
}

/// Reads the JSON export's text with the browser's parser.
pub fn from_json_text(text: &str) -> Loaded {
    match js_sys::JSON::parse(text) {
        Ok(value) => from_js(&value),
        Err(_) => failed(&DbError::NotADatabase.to_string()),
    }
}

/// Reads the page's inline database.
pub fn inline(document: &Document, id: Option<&str>) -> Loaded {
    let script = match id {
        Some(id) => document
            .get_element_by_id(id)
            .filter(|e| e.has_attribute(INLINE_ATTR)),
        None => first_inline(document),
    };
    match script.and_then(|s| s.text_content()) {
        Some(text) => from_json_text(&text),
        None => failed(&match id {
            Some(id) => format!("the page has no inline claim database with id \"{id}\""),
            None => "the page has no inline claim database".to_string(),
        }),
    }
}

/// Fetches a database file from the page's own origin. Any other origin is refused before a
/// request is made: the widget promises publishers it contacts nothing else.
pub async fn fetch(url: &str) -> Loaded {
    match fetch_incoming(url).await {
        Ok(incoming) if incoming.bytes().starts_with(BIN_MAGIC) => {
            loaded(Index::decode_incoming(incoming))
        }
        Ok(incoming) => from_bytes(incoming.into_bytes()),
        Err(why) => failed(&why),
    }
}

async fn fetch_incoming(url: &str) -> Result<Incoming, String> {
    let window = web_sys::window().ok_or("no window")?;
    let location = window.location();
    let here = location.href().map_err(|_| "the page has no address")?;
    let origin = location.origin().map_err(|_| "the page has no origin")?;
    let target = web_sys::Url::new_with_base(url, &here)
        .map_err(|_| format!("\"{url}\" is not a database address"))?;
    if target.origin() != origin {
        return Err(format!(
            "the database \"{url}\" is on another site; it must be served from this page's own site"
        ));
    }
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::SameOrigin);
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    let unreachable = || format!("the database \"{url}\" could not be fetched");
    let response = JsFuture::from(window.fetch_with_str_and_init(&target.href(), &init))
        .await
        .map_err(|_| unreachable())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| unreachable())?;
    if !response.ok() {
        return Err(format!(
            "the database \"{url}\" could not be fetched (HTTP {})",
            response.status()
        ));
    }
    // Chunk by chunk rather than `arrayBuffer()`: each chunk is copied in and summed while the
    // rest is on its way, and the browser need not gather the whole file first (on a 19 MiB
    // file that wait alone was about 40 ms after its last byte arrived). See `Incoming`.
    let expected = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.trim().parse::<usize>().ok())
        .unwrap_or(0);
    let mut incoming = Incoming::new(expected);
    let Some(body) = response.body() else {
        return Ok(incoming); // no body: an empty file, which no reader accepts
    };
    let reader: web_sys::ReadableStreamDefaultReader =
        body.get_reader().dyn_into().map_err(|_| unreachable())?;
    loop {
        let next = JsFuture::from(reader.read())
            .await
            .map_err(|_| format!("the database \"{url}\" was cut off while it was fetched"))?;
        let done = js_sys::Reflect::get(&next, &JsValue::from_str("done"))
            .map(|d| d.is_truthy())
            .unwrap_or(true);
        if done {
            return Ok(incoming);
        }
        let chunk: js_sys::Uint8Array = js_sys::Reflect::get(&next, &JsValue::from_str("value"))
            .ok()
            .and_then(|v| v.dyn_into().ok())
            .ok_or_else(unreachable)?;
        incoming.append_with(chunk.length() as usize, |to| chunk.copy_to(to));
    }
}

/// Loads the database at `place` if it needs no waiting; a URL gives `Loading` (see
/// [`fetch`]).
pub fn load_now(place: &Place, document: Option<&Document>) -> Loaded {
    match place {
        Place::Embedded => embedded(),
        Place::Inline(id) => match document {
            Some(d) => inline(d, id.as_deref()),
            None => failed("the page has no document"),
        },
        Place::Url(_) => Loaded::Loading,
    }
}
