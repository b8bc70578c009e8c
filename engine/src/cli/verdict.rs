//! `crosscheck verdict`: JSON Lines of (claim, document) pairs in, one verdict line per pair out.
//!
//! All input is read and checked before the first verdict is written, so a bad line 900 never
//! leaves 899 verdicts behind that look like a complete run.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

use super::output::stdout_error;
use super::Failure;

/// One input line, checked.
pub struct Pair {
    pub id: Value,
    pub claim: String,
    pub document: String,
    pub date: Option<NaiveDate>,
}

#[derive(Serialize)]
struct DifferenceOut<'a> {
    kind: crosscheck::model::DiffKind,
    here: &'a str,
    there: &'a str,
}

/// Field order is the documented one, hence a struct rather than a JSON map.
#[derive(Serialize)]
struct VerdictOut<'a> {
    id: &'a Value,
    label: &'static str,
    score: f32,
    evidence: &'a [String],
    differences: Vec<DifferenceOut<'a>>,
}

/// Parses the whole input; `name` (`<stdin>` or a path) only labels errors.
pub fn parse(bytes: &[u8], name: &str) -> Result<Vec<Pair>, Failure> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Failure::Input(format!("{name}:{line}: not valid UTF-8"))
    })?;
    let mut pairs = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        let fail = |msg: String| Failure::Input(format!("{name}:{}: {msg}", i + 1));
        let value: Value =
            serde_json::from_str(raw).map_err(|e| fail(format!("not valid JSON: {e}")))?;
        let Value::Object(mut obj) = value else {
            return Err(fail("each line must be a JSON object".into()));
        };
        let mut text_field = |key: &str| match obj.remove(key) {
            Some(Value::String(s)) => Ok(s),
            Some(_) => Err(fail(format!("\"{key}\" must be a string"))),
            None => Err(fail(format!("\"{key}\" is missing"))),
        };
        let claim = text_field("claim")?;
        let document = text_field("document")?;
        // A pair is one claim against one article: the cluster build's per-article limit holds.
        let max = crosscheck::limits::MAX_ARTICLE_BYTES;
        for (key, t) in [("claim", &claim), ("document", &document)] {
            if t.len() > max {
                return Err(fail(format!(
                    "\"{key}\" is {} bytes; the limit is {max} bytes (one article)",
                    t.len()
                )));
            }
        }
        let date = match obj.remove("date") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(
                NaiveDate::parse_from_str(&s, "%Y-%m-%d")
                    .map_err(|_| fail(format!("bad date {s:?}: expected YYYY-MM-DD")))?,
            ),
            Some(other) => return Err(fail(format!("bad date {other}: expected \"YYYY-MM-DD\""))),
        };
        pairs.push(Pair {
            id: obj.remove("id").unwrap_or(Value::Null),
            claim,
            document,
            date,
        });
    }
    Ok(pairs)
}

/// Judges every pair (with the sentence encoder, if one is given) and writes one JSON line each.
pub fn run(pairs: &[Pair], encoder: Option<&crosscheck::encoder::Encoder>) -> Result<(), Failure> {
    let stdout = std::io::stdout().lock();
    let mut out = std::io::BufWriter::new(stdout);
    for p in pairs {
        let v = crosscheck::analyse_pair(&p.claim, &p.document, p.date, encoder).verdict;
        let line = VerdictOut {
            id: &p.id,
            label: v.label.as_str(),
            score: v.score,
            evidence: &v.evidence,
            differences: v
                .differences
                .iter()
                .map(|d| DifferenceOut {
                    kind: d.kind,
                    here: &d.here,
                    there: &d.there,
                })
                .collect(),
        };
        serde_json::to_writer(&mut out, &line)
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(b"\n"))
            .map_err(stdout_error)?;
    }
    out.flush().map_err(stdout_error)
}
