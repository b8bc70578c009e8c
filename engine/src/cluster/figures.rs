//! The figure features of an item: the claim's figures against every figure of the other
//! article, the likeliest conflicting and agreeing pairs, the candidates the slot model chooses
//! among, whether the claim's own article gives the conflicting figure too, and (without the
//! encoder) how many third articles give the pair's figures.

use super::{flag, slot, ClaimView, Context};
use crate::analyze::Quantity;
use crate::verdict::Side;

/// The figure features of one item.
#[derive(Default)]
pub(super) struct Figures {
    /// The `fig_*` features of `NAMES`, in its order: `fig_conflict` to
    /// `fig_conflict_there_elsewhere`.
    pub(super) surface: [f32; 13],
    pub(super) conflict_cos: f32,
    pub(super) agree_cos: f32,
    pub(super) conflict: Option<crate::verdict::FigurePair>,
    pub(super) agree: Option<crate::verdict::FigurePair>,
    pub(super) slots: Vec<slot::SlotCand>,
    pub(super) hand_slot: Option<usize>,
}

impl Context<'_> {
    /// The claim's figures against every figure of the article: the likeliest conflicting pair
    /// and the likeliest agreeing one, each ranked by how surely the two fill one slot (shared
    /// words around them, one counted noun, alike sentences) by hand, and every conflicting pair
    /// with its slot features for the slot model to choose among (`Item::apply_slot`).
    pub(super) fn figures(
        &self,
        claim: &Side,
        article: usize,
        view: &ClaimView,
        evidence: &[u32],
    ) -> Figures {
        // A claim without figures pairs none: the features are the defaults, and the article's
        // sentences need not be gathered (most claims give no figure).
        if claim.analysis.quantities.is_empty() {
            return Figures::default();
        }
        // Only the article's sentences with figures can pair with the claim's; `figure_pairs`
        // passes over the others, so leaving them out pairs the same, in the same order.
        let sides: Vec<Side> = self
            .figure_units
            .get(article)
            .map_or(&[][..], |v| &v[..])
            .iter()
            .map(|&u| self.side(u))
            .collect();
        let pairs = crate::verdict::figure_pairs(claim, &sides, self.figure_contexts);
        let coverage = |u: u32| self.al.score(claim.unit, &[u]).0;
        let cos = |u: u32| view.cos(u);
        let sim = |u: u32| {
            if self.semantic.is_some() {
                cos(u)
            } else {
                coverage(u)
            }
        };
        let rank = |p: &crate::verdict::FigurePair| {
            p.context + if p.same_unit { 0.5 } else { 0.0 } + sim(p.there_unit)
        };
        let mut out = Figures::default();
        let tokcos = |p: &crate::verdict::FigurePair| {
            self.semantic
                .and_then(|sem| sem.figure_cos(claim.unit, p.here, p.there_unit, p.there))
                .unwrap_or(-1.0)
        };
        // A figure of the article that another of the claim's figures gives in the same unit is
        // accounted for: against a claim of "2-0 down" and "a 3-3 draw", the article's "3-3
        // after extra time" is the draw, not another version of the "2-0" (`number_diffs`
        // reads the evidence's figures so). With the encoder only: without it, the decision
        // has no figure-pair similarity and lost LOCO ground by the rule (see e5f7ee8).
        // The agreeing pairs are gathered once, so each conflicting pair looks through few.
        let agreeing: Vec<&crate::verdict::FigurePair> = if self.semantic.is_some() {
            pairs
                .iter()
                .filter(|o| !o.conflict && o.same_unit)
                .collect()
        } else {
            Vec::new()
        };
        let accounted = |p: &crate::verdict::FigurePair| {
            agreeing
                .iter()
                .any(|o| o.here != p.here && o.there_unit == p.there_unit && o.there == p.there)
        };
        // Every pair's rank, once: each conflicting pair compares it with the agreeing pairs of
        // its claim figure, and the agreeing pair is chosen by it (a rank scores a sentence).
        let ranks: Vec<f32> = pairs.iter().map(rank).collect();
        for (p, &r) in pairs
            .iter()
            .zip(&ranks)
            .filter(|(p, _)| p.conflict && !accounted(p))
        {
            // The same claim figure agreeing with a figure at least as likely to fill its slot
            // means the article states the claim's value too.
            let explained = pairs
                .iter()
                .zip(&ranks)
                .any(|(o, &ro)| !o.conflict && o.here == p.here && ro >= r);

            let mut x = [0.0f32; slot::SLOT_N];
            x[..crate::verdict::PAIR_N].copy_from_slice(&p.x);
            x[crate::verdict::PAIR_N..].copy_from_slice(&[
                coverage(p.there_unit),
                flag(evidence.contains(&p.there_unit)),
                r,
                flag(explained),
                cos(p.there_unit),
                tokcos(p),
            ]);
            out.slots.push(slot::SlotCand { pair: p.clone(), x });
        }
        // The hand rank's pair: the highest ranked (the last of equals).
        out.hand_slot = out
            .slots
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.rank().total_cmp(&b.1.rank()))
            .map(|(i, _)| i);
        if let Some(c) = out.hand_slot.and_then(|i| out.slots.get(i)) {
            let p = &c.pair;
            out.surface[0] = 1.0;
            out.surface[1] = p.context;
            out.surface[2] = flag(p.same_unit);
            out.surface[3] = coverage(p.there_unit);
            out.surface[4] = p.log_ratio;
            out.surface[5] = flag(c.explained());
            out.surface[6] = flag(self.states_in_own_article(claim.unit, p));
            if self.semantic.is_none() {
                let (both, there) = self.elsewhere(claim.unit, p);
                out.surface[11] = both;
                out.surface[12] = there;
            }
            out.conflict_cos = cos(p.there_unit);
            out.conflict = Some(p.clone());
        }
        let agree = pairs
            .iter()
            .zip(&ranks)
            .filter(|(p, _)| !p.conflict)
            .map(|(p, &r)| (r, p))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, p)) = agree {
            out.agree = Some(p.clone());
            out.surface[7] = 1.0;
            out.surface[8] = p.context;
            out.surface[9] = flag(p.same_unit);
            out.surface[10] = coverage(p.there_unit);
            out.agree_cos = cos(p.there_unit);
        }
        out
    }

    /// The claim's figures (byte spans) that a sentence of `article` writes with the same
    /// characters, letter case aside ("2-0", "30,000", "more than 5,000").
    ///
    /// Why: an article that gives the claim's very figure agrees with it on that figure; the
    /// other figure it puts against the claim belongs to another moment or role ("came back
    /// from 2-0 down" beside "won 3-1"; "police counted 30,000" beside "organisers said
    /// 100,000"). Same characters, not compatible values: read that loosely (same unit, no
    /// conflict), the rule dropped true differences and cost LOCO ground.
    pub(super) fn restated(&self, claim: &Side, article: usize) -> Vec<(usize, usize)> {
        fn written<'t>(text: &'t str, q: &Quantity) -> &'t str {
            text.get(q.start..q.end).unwrap_or_default()
        }
        // The article's sentences that give a figure: no other can restate one.
        let units = self.figure_units.get(article).map_or(&[][..], |v| &v[..]);
        claim
            .analysis
            .quantities
            .iter()
            .filter(|q| {
                let mine = written(claim.text, q);
                !mine.is_empty()
                    && units.iter().any(|&u| {
                        let text = &self.segments[u as usize].text;
                        self.analyses[u as usize]
                            .quantities
                            .iter()
                            .any(|r| written(text, r).eq_ignore_ascii_case(mine))
                    })
            })
            .map(|q| (q.start, q.end))
            .collect()
    }

    /// The figure of unit `u` with character span `span`, with its index in the unit's
    /// quantities: a figure pair names its figures by span.
    fn figure_at(&self, u: u32, span: (usize, usize)) -> Option<(usize, &Quantity)> {
        self.analyses
            .get(u as usize)?
            .quantities
            .iter()
            .enumerate()
            .find(|(_, q)| (q.start, q.end) == span)
    }

    /// The shares of the cluster's third articles that give both figures of `p`, and that
    /// give its other article's figure.
    fn elsewhere(&self, claim: u32, p: &crate::verdict::FigurePair) -> (f32, f32) {
        let own = self.seg_article[claim as usize];
        let other = self.seg_article[p.there_unit as usize];
        match (
            self.echoes,
            self.figure_at(claim, p.here),
            self.figure_at(p.there_unit, p.there),
        ) {
            (Some(e), Some((h, _)), Some((t, _))) => {
                e.shares((claim, h), (p.there_unit, t), [own, other])
            }
            _ => (0.0, 0.0),
        }
    }

    /// Whether the claim's own article gives, in another sentence, the other article's figure
    /// of pair `p` (`stated`).
    fn states_in_own_article(&self, claim: u32, p: &crate::verdict::FigurePair) -> bool {
        let own = self.seg_article[claim as usize];
        match (self.stated.get(own), self.figure_at(p.there_unit, p.there)) {
            (Some(s), Some((_, r))) => s.gives(r, claim, self.analyses),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::NAMES;

    #[test]
    fn the_figure_features_are_one_block_of_names() {
        let first = NAMES.iter().position(|n| *n == "fig_conflict");
        let block = first.and_then(|i| NAMES.get(i..i + 13));
        assert_eq!(
            block.and_then(|b| b.last()),
            Some(&"fig_conflict_there_elsewhere")
        );
        assert!(block.is_some_and(|b| b.iter().all(|n| n.starts_with("fig_"))));
    }
}
