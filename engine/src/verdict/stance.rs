//! Stance differences: one side confirms what the other alleges, condemns or denies.

use super::{Found, Side};
use crate::analyze::{Analysis, Strength};
use crate::model::DiffKind;

fn in_quote(a: &Analysis, pos: usize) -> bool {
    a.quotes.iter().any(|q| q.start <= pos && pos < q.end)
}

/// Stance verbs outside quotes; an explicit "confirm" is kept apart from findings ("found",
/// "showed"), which describe evidence rather than take a stance.
fn stances<'a>(side: &Side<'a>) -> Vec<Stance<'a>> {
    let a = side.analysis;
    a.attributions
        .iter()
        .filter(|x| x.strength != Strength::Neutral && !x.in_quote && !in_quote(a, x.start))
        .map(|x| Stance {
            strength: x.strength,
            confirm: x.lemma.starts_with("confirm"),
            span: (x.start, x.end),
            speaker: speaker_words(side, x.speaker),
        })
        .collect()
}

/// One stance verb of a side: how strong, whether an explicit "confirm", where, and who.
struct Stance<'a> {
    strength: Strength,
    confirm: bool,
    span: (usize, usize),
    /// The speaker's content words, lowercased (empty when the sentence names nobody).
    speaker: Vec<&'a str>,
}

fn speaker_words<'a>(side: &Side<'a>, span: Option<(usize, usize)>) -> Vec<&'a str> {
    let Some((s, e)) = span else {
        return Vec::new();
    };
    side.analysis
        .tokens
        .iter()
        .filter(|t| t.start >= s && t.end <= e && !t.stop)
        .map(|t| t.lower.as_str())
        .collect()
}

/// `same_speaker`: only stances whose speakers share a word count. A weakly aligned pair of
/// sentences is compared on stance only when both name one speaker ("NATO confirmed that Iran
/// was behind the attack" against "NATO and the EU denounced the attack"): the same actor
/// taking two different stances on one event is the difference itself.
pub(super) fn attribution_diffs(
    claim: &Side,
    evidence: &[Side],
    same_speaker: bool,
    out: &mut Vec<Found>,
) {
    // Only an explicit confirmation against an allegation, condemnation or denial is a material
    // change; other pairs of stance verbs usually belong to different subjects.
    let contested = |s: Strength| {
        matches!(
            s,
            Strength::Alleged | Strength::Condemned | Strength::Denied
        )
    };
    let mut here = stances(claim);
    // A pair needs a confirmation or a contested stance on the claim's side (retaining below
    // only removes some): without one (most claims), the evidence's stances are not gathered.
    if !here.iter().any(|x| x.confirm || contested(x.strength)) {
        return;
    }
    let mut there = Vec::new();
    for e in evidence {
        there.extend(stances(e).into_iter().map(|x| (e.unit, x)));
    }
    if same_speaker {
        let shares = |a: &Stance, b: &Stance| a.speaker.iter().any(|w| b.speaker.contains(w));
        there.retain(|(_, t)| here.iter().any(|h| shares(h, t)));
        here.retain(|h| there.iter().any(|(_, t)| shares(h, t)));
    }
    let h_conf = here.iter().find(|x| x.confirm);
    let t_conf = there.iter().find(|x| x.1.confirm);
    let h_cont = here.iter().find(|x| contested(x.strength));
    let t_cont = there.iter().find(|x| contested(x.1.strength));
    let pair = match (h_conf, t_conf, h_cont, t_cont) {
        (Some(h), None, _, Some(t)) => Some((h.span, t.0, t.1.span)),
        (None, Some(t), Some(h), _) => Some((h.span, t.0, t.1.span)),
        _ => None,
    };
    if let Some((here, there_unit, there)) = pair {
        out.push(Found {
            kind: DiffKind::Attribution,
            here,
            there_unit,
            there,
        });
    }
}
