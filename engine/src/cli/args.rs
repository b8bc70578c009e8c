//! A small command-line parser: positional arguments plus `--name VALUE`, `--name=VALUE` and
//! short `-x VALUE` options from a fixed list. Hand-written because three subcommands with a
//! handful of options do not justify a parser dependency in a crate that also targets wasm.

/// An option this subcommand accepts, under all its spellings; `takes_value` options need one.
#[derive(Clone, Copy)]
pub struct Opt {
    pub names: &'static [&'static str],
    pub takes_value: bool,
}

#[derive(Debug, Default)]
pub struct Parsed {
    pub positional: Vec<String>,
    /// (first spelling of the option, value or empty).
    pub options: Vec<(&'static str, String)>,
    pub help: bool,
}

impl Parsed {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Parses `args` (without the program and subcommand). `-h`/`--help` anywhere sets `help`.
pub fn parse(args: &[String], opts: &[Opt]) -> Result<Parsed, String> {
    let mut out = Parsed::default();
    let mut rest = args.iter();
    let mut only_positional = false;
    while let Some(arg) = rest.next() {
        if only_positional || arg == "-" || !arg.starts_with('-') {
            out.positional.push(arg.clone());
            continue;
        }
        if arg == "--" {
            only_positional = true;
            continue;
        }
        if arg == "-h" || arg == "--help" {
            out.help = true;
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let opt = opts
            .iter()
            .find(|o| o.names.contains(&name))
            .ok_or_else(|| format!("unknown option '{name}'"))?;
        let canonical = opt.names[0];
        if out.get(canonical).is_some() {
            return Err(format!("option '{name}' given twice"));
        }
        let value = if opt.takes_value {
            match inline {
                Some(v) => v,
                None => rest
                    .next()
                    .cloned()
                    .ok_or_else(|| format!("option '{name}' needs a value"))?,
            }
        } else if inline.is_some() {
            return Err(format!("option '{name}' takes no value"));
        } else {
            String::new()
        };
        out.options.push((canonical, value));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPTS: &[Opt] = &[
        Opt {
            names: &["-o", "--output"],
            takes_value: true,
        },
        Opt {
            names: &["--format"],
            takes_value: true,
        },
    ];

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn reads_all_spellings() {
        let p = parse(&strings(&["dir", "--output=x", "--format", "bin"]), OPTS).unwrap();
        assert_eq!(p.positional, ["dir"]);
        assert_eq!(p.get("-o"), Some("x"));
        assert_eq!(p.get("--format"), Some("bin"));
    }

    #[test]
    fn rejects_unknown_missing_and_repeated() {
        assert!(parse(&strings(&["--nope"]), OPTS).is_err());
        assert!(parse(&strings(&["-o"]), OPTS).is_err());
        assert!(parse(&strings(&["-o", "a", "--output", "b"]), OPTS).is_err());
    }

    #[test]
    fn double_dash_ends_options() {
        let p = parse(&strings(&["--", "-o"]), OPTS).unwrap();
        assert_eq!(p.positional, ["-o"]);
    }
}
