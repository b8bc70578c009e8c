//! The LOCO figures as text: the per-cluster table, the means (`Summary`), and how far they
//! move between fitting seeds (`spread`).

use crate::eval::Scores;

/// The LOCO table: one row per cluster, then the means.
pub fn table(results: &[(String, Scores)], differs_clusters: &[bool]) -> String {
    let opt = |v: Option<f64>| v.map_or_else(|| "n/a".to_string(), |v| format!("{v:.4}"));
    let mut s = String::new();
    s.push_str("| cluster | items | macro-F1 | accuracy | differs F1 | evidence | detail | boilerplate recall |\n");
    s.push_str("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (name, sc) in results {
        s.push_str(&format!(
            "| {name} | {} | {:.4} | {:.4} | {:.4} | {} | {} | {} |\n",
            sc.items,
            sc.macro_f1,
            sc.accuracy,
            sc.per_label.differs.f1,
            opt(sc.evidence_accuracy),
            opt(sc.detail_accuracy),
            opt(sc.boilerplate_recall),
        ));
    }
    let m = summary(results, differs_clusters);
    s.push_str(&format!(
        "| **mean** | | **{:.4}** | {:.4} | {:.4} | {:.4} | {:.4} | {:.4} |\n",
        m.macro_f1, m.accuracy, m.differs_f1, m.evidence, m.detail, m.boilerplate_recall
    ));
    s.push_str(&format!(
        "\nLowest macro-F1: {:.4} ({}). Mean differs F1 is over the {} clusters whose gold has differs.\n",
        m.min_macro_f1, m.min_cluster, m.differs_clusters
    ));
    s
}

/// The means of a LOCO run.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub macro_f1: f64,
    pub accuracy: f64,
    pub differs_f1: f64,
    pub differs_clusters: usize,
    pub evidence: f64,
    pub detail: f64,
    pub boilerplate_recall: f64,
    pub min_macro_f1: f64,
    pub min_cluster: String,
}

pub fn summary(results: &[(String, Scores)], differs_clusters: &[bool]) -> Summary {
    let mean = |v: Vec<f64>| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let (min_cluster, min_macro_f1) = results
        .iter()
        .map(|(n, s)| (n.clone(), s.macro_f1))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap_or_default();
    Summary {
        macro_f1: mean(results.iter().map(|(_, s)| s.macro_f1).collect()),
        accuracy: mean(results.iter().map(|(_, s)| s.accuracy).collect()),
        differs_f1: mean(
            results
                .iter()
                .zip(differs_clusters)
                .filter(|(_, &d)| d)
                .map(|((_, s), _)| s.per_label.differs.f1)
                .collect(),
        ),
        differs_clusters: differs_clusters.iter().filter(|&&d| d).count(),
        evidence: mean(
            results
                .iter()
                .filter_map(|(_, s)| s.evidence_accuracy)
                .collect(),
        ),
        detail: mean(
            results
                .iter()
                .filter_map(|(_, s)| s.detail_accuracy)
                .collect(),
        ),
        boilerplate_recall: mean(
            results
                .iter()
                .filter_map(|(_, s)| s.boilerplate_recall)
                .collect(),
        ),
        min_macro_f1,
        min_cluster,
    }
}

/// One figure read from a LOCO summary.
pub type Figure = fn(&Summary) -> f64;

/// Mean and sample standard deviation of one figure over the summaries of several seeds' runs.
pub fn figure_spread(summaries: &[Summary], f: Figure) -> (f64, f64) {
    mean_sd(&summaries.iter().map(f).collect::<Vec<_>>())
}

/// Mean and sample standard deviation of `v` (0 for fewer than two values).
pub fn mean_sd(v: &[f64]) -> (f64, f64) {
    if v.is_empty() {
        return (0.0, 0.0);
    }
    let n = v.len() as f64;
    let mean = v.iter().sum::<f64>() / n;
    if v.len() < 2 {
        return (mean, 0.0);
    }
    let var = v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, var.sqrt())
}

/// How much the LOCO figures move with the fitting seed alone: one `loco` run per seed.
///
/// Why: the forests draw row subsamples, so the same recipe on the same data scores a little
/// differently from one seed to another (about 0.01 of mean macro-F1 between two seeds).
/// A change smaller than that spread, judged on one seed, is noise either way.
pub fn spread(runs: &[(u64, Vec<(String, Scores)>)], differs_clusters: &[bool]) -> String {
    let summaries: Vec<Summary> = runs
        .iter()
        .map(|(_, r)| summary(r, differs_clusters))
        .collect();
    let mut s = format!(
        "Over {} fitting seeds ({}; the shipped model is fitted with the first):\n\n",
        runs.len(),
        runs.iter()
            .map(|(seed, _)| seed.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    s.push_str("| figure | mean over seeds | sd | per seed |\n| --- | ---: | ---: | --- |\n");
    let rows: [(&str, Figure); 4] = [
        ("mean macro-F1", |m| m.macro_f1),
        ("lowest macro-F1", |m| m.min_macro_f1),
        ("mean differs F1", |m| m.differs_f1),
        ("mean accuracy", |m| m.accuracy),
    ];
    for (name, f) in rows {
        let (mean, sd) = figure_spread(&summaries, f);
        let each: Vec<String> = summaries.iter().map(|m| format!("{:.4}", f(m))).collect();
        s.push_str(&format!(
            "| {name} | {mean:.4} | {sd:.4} | {} |\n",
            each.join(" ")
        ));
    }
    s.push_str("\n| cluster | macro-F1, mean over seeds | sd |\n| --- | ---: | ---: |\n");
    let names = runs.first().map(|(_, r)| r.as_slice()).unwrap_or_default();
    for (i, (name, _)) in names.iter().enumerate() {
        let v: Vec<f64> = runs
            .iter()
            .filter_map(|(_, r)| r.get(i).map(|(_, sc)| sc.macro_f1))
            .collect();
        let (mean, sd) = mean_sd(&v);
        s.push_str(&format!("| {name} | {mean:.4} | {sd:.4} |\n"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_and_spread_of_figures() {
        // (values, mean, sample sd)
        let rows: [(&[f64], f64, f64); 4] = [
            (&[], 0.0, 0.0),
            (&[0.7], 0.7, 0.0),
            (&[0.7, 0.7, 0.7], 0.7, 0.0),
            (&[0.76, 0.78, 0.77, 0.75, 0.79], 0.77, 0.015_811),
        ];
        for (v, mean, sd) in rows {
            let (m, s) = mean_sd(v);
            assert!(
                (m - mean).abs() < 1e-9 && (s - sd).abs() < 1e-6,
                "{v:?}: {m} {s}"
            );
        }
    }
}
