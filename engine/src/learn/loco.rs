//! The cluster decision's fit, and leave-one-cluster-out (LOCO) evaluation: every labelled
//! cluster is scored by a model fitted on the others only, so the figures say how the engine
//! does on a story it was not fitted to. What is fitted is a `recipe::Recipe`; the tables are
//! `report`'s.

use super::data::{LabelKey, Labelled, Row};
use super::gbdt::{Forest, Params};
use super::logistic::Logistic;
use super::recipe::Recipe;
use crate::cluster::build::{assemble, Prepared};
use crate::cluster::model::{ClusterModel, Scorer};
use crate::cluster::slot::{self, SlotModel};
use crate::eval::Scores;

/// The column of each name of `names` in `cluster::NAMES`.
fn columns(names: &[&str]) -> Vec<usize> {
    names
        .iter()
        .filter_map(|b| crate::cluster::NAMES.iter().position(|n| n == b))
        .collect()
}

/// Whether any of the features `names` (among the first `n`) takes more than one value over
/// `rows`. Holding back features that never vary changes no fit.
pub fn varies<'a>(
    rows: impl IntoIterator<Item = &'a Row> + Clone,
    names: &[&str],
    n: usize,
) -> bool {
    columns(names).into_iter().filter(|&j| j < n).any(|j| {
        let mut values = rows.clone().into_iter().filter_map(|r| r.features.get(j));
        values
            .next()
            .is_some_and(|first| values.any(|v| v.to_bits() != first.to_bits()))
    })
}

/// Sets columns `cols` of every row of `x` to 0.
fn hold(x: &mut [Vec<f32>], cols: &[usize]) {
    for row in x.iter_mut() {
        for &j in cols {
            if let Some(v) = row.get_mut(j) {
                *v = 0.0;
            }
        }
    }
}

/// Rows expanded for one binary target: a row whose gold accepts both answers counts half for
/// each, so an honest disagreement between labellers teaches neither side.
fn expand(rows: &[&Row], n: usize, target: impl Fn(LabelKey) -> Option<bool>) -> Data {
    let mut d = Data::default();
    for r in rows {
        let ys: std::collections::BTreeSet<bool> =
            r.labels.iter().filter_map(|&l| target(l)).collect();
        for &y in &ys {
            d.x.push(r.features[..n.min(r.features.len())].to_vec());
            d.y.push(y);
            d.w.push(1.0 / ys.len() as f64);
        }
    }
    d
}

#[derive(Default)]
struct Data {
    x: Vec<Vec<f32>>,
    y: Vec<bool>,
    w: Vec<f64>,
}

/// Fits the decision to `rows`.
pub fn fit(rows: &[&Row], recipe: &Recipe) -> ClusterModel {
    let mut carried = expand(rows, recipe.n, |l| Some(l != LabelKey::Omits));
    let with_diff: Vec<&Row> = rows.iter().copied().filter(|r| r.has_difference).collect();
    let mut differs = expand(&with_diff, recipe.n, |l| match l {
        LabelKey::Omits => None,
        l => Some(l == LabelKey::Differs),
    });
    // Columns held constant: no tree of that step splits on them, and the linear half of
    // P(carried) gives them no weight.
    hold(&mut differs.x, &columns(&crate::cluster::DIFFERS_BLIND));
    hold(&mut carried.x, &columns(&crate::cluster::CARRIED_BLIND));
    let held = columns(recipe.held);
    hold(&mut carried.x, &held);
    hold(&mut differs.x, &held);
    ClusterModel {
        n: recipe.n,
        carried: Forest::fit_bagged(
            &carried.x,
            &carried.y,
            &carried.w,
            &recipe.carried,
            recipe.bags,
        ),
        differs: match &recipe.differs {
            Some(p) => Scorer::Trees(Forest::fit_bagged(
                &differs.x,
                &differs.y,
                &differs.w,
                &Params {
                    increasing: columns(&crate::cluster::DIFFERS_INCREASING)
                        .iter()
                        .filter(|&&d| d < 64)
                        .fold(0, |m, &d| m | 1 << d),
                    ..*p
                },
                recipe.bags,
            )),
            None => Scorer::Linear(Logistic::fit(
                &differs.x,
                &differs.y,
                &differs.w,
                recipe.differs_c,
            )),
        },
        carried_at: recipe.carried_at,
        carried_at_difference: recipe.carried_at_difference,
        differs_at: recipe.differs_at,
        carried_linear: (recipe.carried_linear > 0.0).then(|| {
            (
                Logistic::fit(&carried.x, &carried.y, &carried.w, recipe.carried_c)
                    .bounded_by(&carried.x),
                recipe.carried_linear,
            )
        }),
    }
}

/// A cluster ready for LOCO: its gold, prepared build and training rows.
pub struct Fold {
    pub data: Labelled,
    pub prepared: Prepared,
    pub rows: Vec<Row>,
}

impl Fold {
    /// Prepares a labelled cluster for fitting (`prepare_for_fitting`) and reads its rows.
    pub fn new(data: Labelled, encoder: Option<&crate::encoder::Encoder>) -> Fold {
        let prepared = crate::cluster::build::prepare_for_fitting(&data.articles, encoder);
        let rows = super::data::rows(&prepared, &data.gold);
        Fold {
            data,
            prepared,
            rows,
        }
    }

    /// Lets `m` choose every item's reported conflicting figure pair (the hand rank without).
    fn apply_slot(&mut self, m: Option<&SlotModel>) {
        for (_, _, item) in &mut self.prepared.items {
            item.apply_slot(m);
        }
    }
}

/// Fits the slot model to the labelled figure pairs of `folds` but those in `skip`; none when
/// those pairs are not both real and false conflicts (a model with nothing to tell apart would
/// only replace the hand rank with noise).
pub fn fit_slot(folds: &[Fold], skip: &[usize]) -> Option<SlotModel> {
    let mut rows = Vec::new();
    for (_, f) in folds.iter().enumerate().filter(|(j, _)| !skip.contains(j)) {
        for r in &f.rows {
            let Some((_, _, item)) = f.prepared.items.get(r.item) else {
                continue;
            };
            for &(c, y, w) in &r.slots {
                if let Some(cand) = item.slots.get(c) {
                    rows.push((cand, y, w));
                }
            }
        }
    }
    if !(rows.iter().any(|r| r.1) && rows.iter().any(|r| !r.1)) {
        return None;
    }
    // The encoder's slot features are there when the folds were prepared with it.
    let n = if folds.iter().all(|f| f.prepared.encoded) {
        slot::SLOT_N
    } else {
        slot::SLOT_SURFACE
    };
    Some(SlotModel::fit(&rows, n))
}

/// Fits the slot model (when the recipe has one) and the decision to every fold.
pub fn fit_all(folds: &[Fold], recipe: &Recipe) -> (Option<SlotModel>, ClusterModel) {
    let slot = recipe.slot.then(|| fit_slot(folds, &[])).flatten();
    let rows: Vec<&Row> = folds.iter().flat_map(|f| f.rows.iter()).collect();
    (slot, fit(&rows, recipe))
}

/// Scores every fold with a model fitted on all the others.
pub fn loco(folds: &mut [Fold], recipe: &Recipe) -> Vec<(String, Scores)> {
    loco_databases(folds, recipe)
        .into_iter()
        .map(|(name, scores, _)| (name, scores))
        .collect()
}

/// `loco`, also returning each held-out cluster's database, for reading its errors.
///
/// With a slot model in the recipe, it too is fitted without the held-out cluster, and chooses
/// the held-out cluster's reported figure pairs.
pub fn loco_databases(
    folds: &mut [Fold],
    recipe: &Recipe,
) -> Vec<(String, Scores, crate::model::Database)> {
    // The folds are independent, so they are fitted and decided in parallel. Each fold's slot
    // model is fitted on the other folds' candidate pairs, which choosing a fold's pairs
    // (`apply_slot`) leaves as they are, so every slot model is fitted first and each applied
    // to its own fold before any fold is decided: the same choices as fold by fold.
    let ids: Vec<usize> = (0..folds.len()).collect();
    let slots: Vec<Option<SlotModel>> = if recipe.slot {
        crate::par::map(&ids, |&i| fit_slot(folds, &[i]))
    } else {
        ids.iter().map(|_| None).collect()
    };
    for (f, m) in folds.iter_mut().zip(&slots) {
        f.apply_slot(m.as_ref());
    }
    let folds = &*folds;
    crate::par::map(&ids, |&i| {
        let train: Vec<&Row> = folds
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .flat_map(|(j, f)| {
                f.rows
                    .iter()
                    .enumerate()
                    .filter(move |(k, _)| kept(recipe, j, *k))
                    .map(|(_, r)| r)
            })
            .collect();
        let model = fit(&train, recipe);
        let held = &folds[i];
        let db = assemble(&held.prepared, &model, None, None);
        let scores = crate::eval::score(&db, &held.data.gold);
        (held.data.name.clone(), scores, db)
    })
}

/// Whether row `row` of fold `fold` is fitted on (`Recipe::drop_one_in`): a hash of the
/// fitting seed, the fold and the row, so that the draw is the same for every recipe compared
/// on one seed (a change is read against the same perturbation) and differs between seeds.
pub fn kept(recipe: &Recipe, fold: usize, row: usize) -> bool {
    if recipe.drop_one_in == 0 {
        return true;
    }
    let key = recipe.carried.seed ^ ((fold as u64) << 40) ^ row as u64;
    // SplitMix64's finaliser: every input bit moves every output bit.
    let mut z = key.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    z % recipe.drop_one_in != 0
}

/// Whether a cluster's gold has items whose first label is `differs` (the clusters over which
/// the mean differs F1 is taken).
pub fn has_differs(data: &Labelled) -> bool {
    data.gold
        .iter()
        .flat_map(|g| &g.verdicts)
        .any(|(_, v)| v.labels.first() == Some(&crate::model::Label::Differs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_perturbed_fit_leaves_out_a_few_rows_drawn_by_the_seed() {
        let shipped = Recipe::shipped(false);
        let dropped = |r: &Recipe| -> Vec<(usize, usize)> {
            (0..11)
                .flat_map(|f| (0..400).map(move |k| (f, k)))
                .filter(|&(f, k)| !kept(r, f, k))
                .collect()
        };
        assert!(dropped(&shipped).is_empty());
        let (a, b) = (shipped.perturbed(), shipped.perturbed().reseeded(1000));
        let (da, db) = (dropped(&a), dropped(&b));
        // 4,400 rows, one in 200: about 22 each, never none, never many.
        for d in [&da, &db] {
            assert!((5..=50).contains(&d.len()), "{}", d.len());
        }
        assert_ne!(da, db, "another seed draws other rows");
        assert_eq!(da, dropped(&a), "one seed draws the same rows every time");
    }

    #[test]
    fn a_held_group_is_constant_in_both_fitted_steps() {
        // Two rows that differ only in a held column: held, the column reads 0 in both.
        let mut x = vec![vec![0.3, 0.9, 0.1], vec![0.4, 0.2, 0.5]];
        hold(&mut x, &[1]);
        assert_eq!(x, [vec![0.3, 0.0, 0.1], vec![0.4, 0.0, 0.5]]);
        assert_eq!(columns(&["mutual", "no such feature"]), [3]);
    }

    #[test]
    fn a_group_varies_only_where_its_columns_take_two_values() {
        let row = |mutual: f32| Row {
            features: (0..crate::cluster::N)
                .map(|j| if j == 3 { mutual } else { 0.5 })
                .collect(),
            labels: Default::default(),
            has_difference: false,
            item: 0,
            slots: Vec::new(),
        };
        let rows = [row(0.0), row(1.0)];
        // (rows, names, columns read, varies)
        let table: [(&[Row], &[&str], usize, bool); 5] = [
            (&rows, &["mutual"], crate::cluster::N, true),
            (&rows, &["coverage"], crate::cluster::N, false),
            (&rows, &["coverage", "mutual"], crate::cluster::N, true),
            (&rows, &["mutual"], 3, false),
            (&rows[..1], &["mutual"], crate::cluster::N, false),
        ];
        for (rows, names, n, want) in table {
            assert_eq!(varies(rows, names, n), want, "{names:?} {n}");
        }
    }
}
