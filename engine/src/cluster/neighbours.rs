//! How a claim's neighbours in its own article fare in the other article.
//!
//! Why: reports of one event tell it in much the same order (wire copy above all), which is
//! what sentence aligners for parallel text rely on. When the sentences on either side of a
//! claim are carried by the other article at neighbouring places, the claim is likelier
//! carried there too, even by a paraphrase that shares few of its words.
//!
//! Only where the neighbours' matches stand is read, not how well they are carried: the
//! neighbours' best coverage (`nb_coverage`) was read too until a decision of eight bagged
//! forests called an article that tells only the neighbour's fact a corroboration of the claim
//! ("the ransom demand reached the company" beside "the company refused to pay the ransom",
//! `engine/tests/verdict.rs`); without it, `loco --seeds 5 --perturb --no-encoder` gave 0.7660
//! against 0.7666, within the seeds' spread.
//!
//! The surface decision reads these; the encoder's does not (`Item`'s features are 0 there):
//! its sentence cosines already find the paraphrases the story's order points at, and each of
//! these features cost it in LOCO.

use super::Context;

/// How far apart (in sentences of the article) a neighbour's match and the claim's evidence
/// may stand and still count as adjacent: one sentence between them, as when an outlet adds
/// or splits one.
const NEAR: usize = 2;

impl Context<'_> {
    /// `nb_adjacent` of `claim` against `article`, where `evidence` is the claim's evidence
    /// and `own_coverage` its coverage of the claim: when a neighbour's match stands within
    /// `NEAR` sentences of the claim's evidence (or is that sentence), the lower of the
    /// neighbour's coverage and the claim's own, else 0. The claim's match then sits where the
    /// story's order puts it.
    ///
    /// Capped by the claim's own coverage because a sentence that tells only the neighbour's
    /// fact stands there too: "the ransom demand reached the company" beside "the company
    /// refused to pay the ransom" (`engine/tests/verdict.rs`). Uncapped, the item read its
    /// neighbour's coverage and was carried; `loco --seeds 5 --no-encoder` was 0.7694 uncapped,
    /// 0.7682 capped.
    pub(super) fn adjacent(
        &self,
        claim: u32,
        article: usize,
        evidence: &[u32],
        own_coverage: f32,
    ) -> f32 {
        let own = self.seg_article.get(claim as usize).copied();
        let (Some(units), Some(i)) = (
            own.and_then(|a| self.by_article.get(a)),
            self.position(claim),
        ) else {
            return 0.0;
        };
        // Evidence and best matches are sentences of `article`, so their positions are there.
        let at = |u: u32| self.position(u);
        let evidence_at: Vec<usize> = evidence.iter().filter_map(|&u| at(u)).collect();
        let sides = [i.checked_sub(1), i.checked_add(1)];
        let mut adjacent = 0.0f32;
        for v in sides.into_iter().flatten().filter_map(|j| units.get(j)) {
            let Some(m) = self.all_best.best(*v, article) else {
                continue;
            };
            let near = m
                .units
                .iter()
                .filter_map(|&u| at(u))
                .any(|p| evidence_at.iter().any(|&q| p.abs_diff(q) <= NEAR));
            if near {
                adjacent = adjacent.max(m.coverage.min(own_coverage));
            }
        }
        adjacent
    }
}

#[cfg(test)]
mod tests {
    use crate::cluster::build::prepare;
    use crate::cluster::NAMES;
    use crate::io::{Article, SourceMeta};

    /// An undated report: these features read no date.
    fn article(id: &str, text: &str) -> Article {
        let (id, text, meta) = (id.into(), text.into(), SourceMeta::default());
        Article { id, text, meta }
    }

    /// The features `names` of the item of the claim containing `claim` against article
    /// `other`, built without the encoder.
    fn features(articles: &[Article], claim: &str, other: usize, names: &[&str]) -> Vec<f32> {
        let p = prepare(articles, None, None);
        let (_, _, item) = p
            .items
            .iter()
            .find(|(u, a, _)| *a == other && p.segments[*u as usize].text.contains(claim))
            .expect("the claim has an item against the article");
        names
            .iter()
            .map(|n| item.features[NAMES.iter().position(|x| x == n).expect("a feature")])
            .collect()
    }

    #[test]
    fn a_claim_between_two_carried_sentences_reads_them() {
        let a = article(
            "a",
            "Storm batters northern coast\n\n\
             A powerful storm struck the northern coast on Tuesday, the weather service said. \
             Thousands of homes lost electricity as winds toppled power lines. \
             Schools in three districts will stay closed until Friday, the education office announced.",
        );
        // Tells the claim's neighbours in the same order, the claim itself in other words.
        let b = article(
            "b",
            "Coast hit by storm\n\n\
             A powerful storm struck the northern coast on Tuesday, the weather service said. \
             Falling cables left many households in the dark overnight. \
             Schools in three districts will stay closed until Friday, the education office announced.",
        );
        // The same town's budget: none of the story.
        let c = article(
            "c",
            "Council passes budget\n\n\
             The town council approved its annual budget on Monday after a long debate. \
             The mayor praised the spending plan for parks and libraries.",
        );
        let articles = [a, b, c];
        let claim = "Thousands of homes lost electricity";
        let names = ["nb_adjacent", "coverage"];
        let told = features(&articles, claim, 1, &names);
        let untold = features(&articles, claim, 2, &names);
        assert!(
            told[0] > 0.0,
            "the claim's match stands between its neighbours': {told:?}"
        );
        assert_eq!(untold[0], 0.0, "{untold:?}");
        // Never more than the claim's own coverage: standing beside a carried sentence does
        // not by itself make a sentence tell the claim.
        assert!(told[0] <= told[1], "{told:?}");
    }
}
