//! The generated clusters: copies of the seed articles with paragraphs rotated and some numbers
//! and names changed by rule, so that the material still matches across articles the way a
//! real cluster does (and repeats sentences word for word, as wire copy does).

use std::fmt::Write as _;
use std::path::Path;

use crosscheck::Article;

/// FNV-1a: a fixed, dependency-free hash so every run perturbs the same way.
fn hash(parts: &[u64]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.to_le_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Capitalised words of at least four letters: the pool names are swapped from.
pub fn name_pool(seeds: &[Article]) -> Vec<String> {
    let mut pool: Vec<String> = seeds
        .iter()
        .flat_map(|a| a.text.split(|c: char| !c.is_alphabetic()))
        .filter(|w| w.chars().count() >= 4 && w.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_string)
        .collect();
    pool.sort();
    pool.dedup();
    pool
}

/// Copy `k` of an article: the first line (headline) stays, the other paragraphs rotate by
/// `k`; about a third of the numbers grow by `k` and about one capitalised word in nine is
/// swapped for another from the cluster. Copy 0 is the article itself.
fn perturb(text: &str, k: u64, pool: &[String]) -> String {
    if k == 0 {
        return text.to_string();
    }
    let lines: Vec<&str> = text.lines().collect();
    let (head, body) = lines
        .split_first()
        .map_or((None, &[][..]), |(h, b)| (Some(*h), b));
    let paras: Vec<&str> = body
        .iter()
        .copied()
        .filter(|l| !l.trim().is_empty())
        .collect();
    let mut rotated = String::with_capacity(text.len() + 64);
    if let Some(h) = head {
        rotated.push_str(h);
        rotated.push_str("\n\n");
    }
    if !paras.is_empty() {
        let shift = (k as usize) % paras.len();
        for p in paras[shift..].iter().chain(&paras[..shift]) {
            rotated.push_str(p);
            rotated.push_str("\n\n");
        }
    }

    // Rewrite word by word; `i` numbers the words so each copy changes different ones.
    let mut out = String::with_capacity(rotated.len() + 64);
    let mut word = String::new();
    let mut i = 0u64;
    let flush = |word: &mut String, out: &mut String, i: &mut u64| {
        if word.is_empty() {
            return;
        }
        *i += 1;
        let h = hash(&[k, *i]);
        if word.bytes().all(|b| b.is_ascii_digit()) && h % 3 == 0 {
            match word.parse::<u64>() {
                Ok(n) => out.push_str(&(n.saturating_add(k)).to_string()),
                Err(_) => out.push_str(word),
            }
        } else if word.chars().count() >= 4
            && word.chars().next().is_some_and(char::is_uppercase)
            && h % 9 == 0
            && !pool.is_empty()
        {
            out.push_str(&pool[(h / 9) as usize % pool.len()]);
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in rotated.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out, &mut i);
            out.push(c);
        }
    }
    flush(&mut word, &mut out, &mut i);
    out
}

pub fn cluster(seeds: &[Article], n: usize, pool: &[String]) -> Vec<Article> {
    (0..n)
        .map(|idx| {
            let base = &seeds[idx % seeds.len()];
            let k = (idx / seeds.len()) as u64;
            Article {
                id: if k == 0 {
                    base.id.clone()
                } else {
                    format!("{}_r{k}", base.id)
                },
                text: perturb(&base.text, k, pool),
                meta: base.meta.clone(),
            }
        })
        .collect()
}

/// Writes a generated cluster as a folder `crosscheck build` reads, to inspect or profile it.
pub fn dump_cluster(dir: &Path, articles: &[Article]) {
    let mut toml = String::new();
    let written = std::fs::create_dir_all(dir).and_then(|()| {
        for a in articles {
            std::fs::write(dir.join(format!("{}.txt", a.id)), &a.text)?;
            if let Some(p) = &a.meta.published {
                let _ = writeln!(toml, "[\"{}\"]\npublished = \"{p}\"\n", a.id);
            }
        }
        std::fs::write(dir.join("sources.toml"), &toml)
    });
    if let Err(e) = written {
        eprintln!("bench: cannot dump to {}: {e}", dir.display());
    }
}
