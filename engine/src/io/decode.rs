//! The bytes of an HTML page to text, in the encoding the page declares.
//!
//! A byte-order mark wins, then a `<meta charset>` (or `http-equiv` Content-Type) in the first
//! bytes, then UTF-8. Nothing is guessed: a page that is not valid in the encoding it declares
//! (or in UTF-8 when it declares none), or that names an encoding no one knows, is refused,
//! because a mis-decoded page would put wrong letters into every quote and name the engine
//! compares. `encoding_rs` knows every label of the WHATWG Encoding Standard, so pages in
//! windows-1252 / ISO-8859-1 (the same table there), Shift_JIS, KOI8-R and the rest all read.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// How far into the page a charset declaration is looked for. Browsers stop at 1024 bytes; real
/// pages with long inline scripts or comments in the head sometimes declare later, and looking
/// a little further costs nothing.
const PRESCAN_BYTES: usize = 4096;

/// The page's text, or why it cannot be read (one line, without the file name).
pub(crate) fn decode(bytes: &[u8]) -> Result<String, String> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return strict(enc, &bytes[bom..]);
    }
    let enc = match declared_charset(&bytes[..bytes.len().min(PRESCAN_BYTES)]) {
        Some(label) => match Encoding::for_label(label.as_bytes()) {
            // A declaration of UTF-16 in an ASCII-readable page cannot be true (the HTML
            // standard reads it as UTF-8), and x-user-defined is only for XHR.
            Some(e) if e == UTF_16BE || e == UTF_16LE => UTF_8,
            Some(e) if e.name() != "replacement" && e.name() != "x-user-defined" => e,
            _ => {
                return Err(format!(
                    "the page declares charset {label:?}, which is not known"
                ))
            }
        },
        None => UTF_8,
    };
    strict(enc, bytes)
}

fn strict(enc: &'static Encoding, bytes: &[u8]) -> Result<String, String> {
    enc.decode_without_bom_handling_and_without_replacement(bytes)
        .map(|c| c.into_owned())
        .ok_or_else(|| {
            if enc == UTF_8 {
                "not valid UTF-8, and no <meta charset> names another encoding".to_string()
            } else {
                format!("not valid {} although the page declares it", enc.name())
            }
        })
}

/// The label of `<meta charset="X">` or `<meta http-equiv="Content-Type" content="...;
/// charset=X">`, read from ASCII bytes (every encoding the prescan can find is ASCII-compatible).
fn declared_charset(head: &[u8]) -> Option<String> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + b"charset".len()..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let len = rest
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b <= b' ')
                    .unwrap_or(rest.len());
                if len > 0 {
                    return Some(String::from_utf8_lossy(&rest[..len]).into_owned());
                }
            }
        }
        from = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}
