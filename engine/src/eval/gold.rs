//! The gold file (LABELS.md's format): JSON Lines, one segment of one article per line, with
//! how every other article relates to it. Parsed strictly: a bad line is an error naming its
//! line, never skipped.

use std::path::Path;

use serde_json::Value;

use crate::io::InputError;
use crate::model::{Label, SegmentKind};

/// One line of a gold file: a segment of one article and how every other article relates to it.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldLine {
    /// 1-based line number in the gold file, for messages.
    pub line: usize,
    pub source: String,
    pub key: String,
    pub kind: SegmentKind,
    /// Other article id and its gold verdict, in file order.
    pub verdicts: Vec<(String, GoldVerdict)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GoldVerdict {
    /// Acceptable answers; never empty. The first is the label when the answer is wrong.
    pub labels: Vec<Label>,
    /// Verbatim runs of the other article's sentence(s) carrying the claim.
    pub evidence: Vec<String>,
    pub detail: Option<GoldDetail>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct GoldDetail {
    pub here: String,
    pub there: String,
}

/// Parses a gold file (JSON Lines; blank lines skipped). `file` only names it in errors.
pub fn parse_gold(text: &str, file: &Path) -> Result<Vec<GoldLine>, InputError> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        let line = i + 1;
        let fail = |msg: String| InputError::new(file, Some(line), msg);
        let value: Value =
            serde_json::from_str(raw).map_err(|e| fail(format!("not valid JSON: {e}")))?;
        out.push(gold_line(&value, line).map_err(fail)?);
    }
    Ok(out)
}

fn gold_line(v: &Value, line: usize) -> Result<GoldLine, String> {
    let obj = v.as_object().ok_or("a gold line must be a JSON object")?;
    let text = |name: &str| -> Result<String, String> {
        obj.get(name)
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| format!("\"{name}\" must be a string"))
    };
    let source = text("source")?;
    let key = text("key")?;
    let kind = match text("kind")?.as_str() {
        "claim" => SegmentKind::Claim,
        "headline" => SegmentKind::Headline,
        "boilerplate" => SegmentKind::Boilerplate,
        other => return Err(format!("unknown kind {other:?}")),
    };
    let mut verdicts = Vec::new();
    match obj.get("verdicts") {
        None | Some(Value::Null) => {}
        Some(Value::Object(map)) => {
            for (other, gv) in map {
                let gv = gold_verdict(gv).map_err(|e| format!("verdicts.{other}: {e}"))?;
                verdicts.push((other.clone(), gv));
            }
        }
        Some(_) => return Err("\"verdicts\" must be an object".into()),
    }
    Ok(GoldLine {
        line,
        source,
        key,
        kind,
        verdicts,
    })
}

fn label(v: &Value) -> Result<Label, String> {
    match v.as_str() {
        Some("corroborates") => Ok(Label::Corroborates),
        Some("differs") => Ok(Label::Differs),
        Some("omits") => Ok(Label::Omits),
        _ => Err(format!("unknown label {v}")),
    }
}

fn gold_verdict(v: &Value) -> Result<GoldVerdict, String> {
    let obj = v.as_object().ok_or("must be an object")?;
    let labels = match obj.get("label") {
        Some(Value::Array(list)) if !list.is_empty() => {
            list.iter().map(label).collect::<Result<Vec<_>, _>>()?
        }
        Some(Value::Array(_)) => return Err("\"label\" list is empty".into()),
        Some(one) => vec![label(one)?],
        None => return Err("\"label\" is missing".into()),
    };
    let evidence = match obj.get("evidence") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => list
            .iter()
            .map(|e| {
                e.as_str()
                    .map(str::to_string)
                    .ok_or("\"evidence\" must hold strings")
            })
            .collect::<Result<Vec<_>, _>>()?,
        Some(_) => return Err("\"evidence\" must be a list of strings".into()),
    };
    let detail = match obj.get("detail") {
        None | Some(Value::Null) => None,
        // score.py treats an empty object as no detail.
        Some(Value::Object(d)) if d.is_empty() => None,
        Some(Value::Object(d)) => {
            let part = |name: &str| {
                d.get(name)
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .ok_or_else(|| format!("\"detail.{name}\" must be a string"))
            };
            Some(GoldDetail {
                here: part("here")?,
                there: part("there")?,
            })
        }
        Some(_) => return Err("\"detail\" must be an object".into()),
    };
    Ok(GoldVerdict {
        labels,
        evidence,
        detail,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_gold_lines_name_their_line() {
        let p = Path::new("g.jsonl");
        let ok = r#"{"source":"a","key":"k","kind":"boilerplate"}"#;
        assert!(parse_gold(&format!("{ok}\n\n{ok}\n"), p).is_ok());
        let e = parse_gold(&format!("{ok}\n{{\"source\":1}}\n"), p).unwrap_err();
        assert_eq!(e.line, Some(2));
        let bad_label =
            r#"{"source":"a","key":"k","kind":"claim","verdicts":{"b":{"label":"maybe"}}}"#;
        assert_eq!(parse_gold(bad_label, p).unwrap_err().line, Some(1));
        let empty = r#"{"source":"a","key":"k","kind":"claim","verdicts":{"b":{"label":[]}}}"#;
        assert!(parse_gold(empty, p).is_err());
    }
}
