//! The analysis stage through its public API, on sentences made up for the purpose: figures,
//! dates, quotes, attribution, names and aliases, including the cases that decide between
//! "corroborates" and "differs".

use chrono::{NaiveDate, Weekday};
use crosscheck::analyze::{
    analyze, dates_conflict, fold_compounds, quantities_conflict, quote_words_differ, tokenize,
    Aliases, Analysis, Bound, Quantity, Strength,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// A Saturday.
fn anchor() -> Option<NaiveDate> {
    Some(day(2022, 9, 10))
}

fn quantities(text: &str) -> Vec<(String, Quantity)> {
    analyze(text, anchor())
        .quantities
        .into_iter()
        .map(|q| (text[q.start..q.end].to_string(), q))
        .collect()
}

fn one_quantity(text: &str) -> (String, Quantity) {
    let qs = quantities(text);
    assert_eq!(qs.len(), 1, "{text}: {qs:?}");
    qs.into_iter().next().expect("one quantity")
}

fn q(text: &str) -> Quantity {
    one_quantity(text).1
}

// ---------------------------------------------------------------- tokens

#[test]
fn tokens_have_spans_stems_and_flags() {
    let text = "Iran’s cyber-attacks were condemned.";
    let toks = tokenize(text);
    let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
    assert_eq!(words, ["Iran’s", "cyber", "attacks", "were", "condemned"]);
    assert_eq!(toks[0].lower, "iran's");
    assert!(toks[0].capitalized);
    assert!(toks[3].stop);
    assert_eq!(toks[2].stem, "attack");
}

#[test]
fn compounds_fold_hyphenated_spaced_and_solid_forms_together() {
    let solid = tokenize("a cyberattack");
    let solid_stem = &solid[1].stem;
    for text in ["a cyber-attack", "a cyber attack", "a cyber\u{2011}attack"] {
        let toks = tokenize(text);
        let folded = fold_compounds(text, &toks);
        assert!(
            folded.iter().any(|t| &t.stem == solid_stem),
            "{text}: {folded:?}"
        );
        let f = &folded[0];
        assert_eq!(&text[f.start..f.end], &text[2..]);
    }
    // Function words and punctuation do not fold.
    let text = "the attack, cyber";
    assert!(fold_compounds(text, &tokenize(text)).is_empty());
}

// ---------------------------------------------------------------- numbers

#[test]
fn digit_figures_with_separators_decimals_and_units() {
    let (s, x) = one_quantity("Officials counted 3,000 members at the camp.");
    assert_eq!(
        (s.as_str(), x.value, x.bound),
        ("3,000", 3000.0, Bound::Exact)
    );
    assert_eq!(x.unit.as_deref(), Some("member"));
    assert_eq!(q("The toll rose to 20,700 deaths.").value, 20700.0);
    let m = q("A magnitude 7.8 quake struck.");
    assert_eq!(m.value, 7.8);
    let h = q("Diplomats had 24 hours to leave.");
    assert_eq!((h.value, h.unit.as_deref()), (24.0, Some("hour")));
    let p = q("Turnout was 50% in the north.");
    assert_eq!((p.value, p.unit.as_deref()), (50.0, Some("%")));
    let p = q("Turnout was 50 per cent in the north.");
    assert_eq!((p.value, p.unit.as_deref()), (50.0, Some("%")));
    let c = q("Temperatures fell to minus 6C overnight.");
    assert_eq!((c.value, c.unit.as_deref()), (-6.0, Some("°c")));
}

#[test]
fn money_in_every_common_spelling() {
    let cases = [
        (
            "The gang demanded $10m from the insurer.",
            10e6,
            "$",
            "$10m",
        ),
        (
            "The gang demanded US$10 million from the insurer.",
            10e6,
            "USD",
            "US$10 million",
        ),
        (
            "The gang demanded $A15.6m from the insurer.",
            15.6e6,
            "AUD",
            "$A15.6m",
        ),
        ("The start-up raised $38M last week.", 38e6, "$", "$38M"),
        (
            "They want 10 millions USD for the data.",
            10e6,
            "USD",
            "10 millions USD",
        ),
        (
            "The fine was €9.9 million in total.",
            9.9e6,
            "EUR",
            "€9.9 million",
        ),
    ];
    for (text, v, cur, span) in cases {
        let (s, x) = one_quantity(text);
        assert!((x.value - v).abs() < 1.0, "{text}: {x:?}");
        assert_eq!(x.unit.as_deref(), Some(cur), "{text}");
        assert_eq!(s, span);
    }
    let x = q("About 9.7 million customers were affected.");
    assert_eq!((x.value, x.bound), (9.7e6, Bound::About));
    assert_eq!(x.unit.as_deref(), Some("custom"));
}

#[test]
fn number_words_dozens_and_vague_amounts() {
    assert_eq!(q("Two soldiers were hurt.").value, 2.0);
    assert_eq!(q("It lasted twenty-one days.").value, 21.0);
    assert_eq!(q("Three hundred and fifty homes burned.").value, 350.0);
    let (s, d) = one_quantity("Police detained a dozen protesters.");
    assert_eq!((s.as_str(), d.value), ("a dozen", 12.0));
    for (text, v) in [
        ("Thousands have since settled there.", 1e3),
        ("Hundreds of people gathered.", 1e2),
        ("Dozens of homes collapsed.", 12.0),
        ("Several villages were cut off.", 3.0),
        ("Tens of thousands of people fled.", 1e4),
    ] {
        let x = q(text);
        assert_eq!((x.value, x.bound), (v, Bound::Vague), "{text}");
    }
    assert_eq!(
        q("Hundreds of people gathered.").unit.as_deref(),
        Some("peopl")
    );
    // "one" as a pronoun is no count.
    assert!(quantities("One of the systems was hit.").is_empty());
}

/// Fractions in words, one row per form: the words the figure covers, its value, bound and
/// unit (a share is a percentage).
#[test]
fn fractions_in_words_are_shares_or_scaled_counts() {
    let rows: &[(&str, &str, f64, Bound, Option<&str>)] = &[
        (
            "A third of the vote went to the opposition.",
            "A third",
            100.0 / 3.0,
            Bound::About,
            Some("%"),
        ),
        (
            "Roughly one-fifth of the shops stayed shut.",
            "Roughly one-fifth",
            20.0,
            Bound::About,
            Some("%"),
        ),
        (
            "Two-thirds of members backed the motion.",
            "Two-thirds",
            200.0 / 3.0,
            Bound::About,
            Some("%"),
        ),
        (
            "Three quarters of the homes lost power.",
            "Three quarters",
            75.0,
            Bound::About,
            Some("%"),
        ),
        (
            "More than half of the voters stayed home.",
            "More than half",
            50.0,
            Bound::MoreThan,
            Some("%"),
        ),
        (
            "Nearly half the city was flooded.",
            "Nearly half",
            50.0,
            Bound::Nearly,
            Some("%"),
        ),
        (
            "A tenth of the budget is spent on defence.",
            "A tenth",
            10.0,
            Bound::About,
            Some("%"),
        ),
        (
            "A quarter-million homes lost power.",
            "A quarter-million",
            250_000.0,
            Bound::About,
            Some("home"),
        ),
        (
            "Half a million people fled the city.",
            "Half a million",
            500_000.0,
            Bound::About,
            Some("peopl"),
        ),
    ];
    for &(text, span, value, bound, unit) in rows {
        let (s, x) = one_quantity(text);
        assert_eq!(s, span, "{text}");
        assert!((x.value - value).abs() < 1e-9, "{text}: {}", x.value);
        assert_eq!((x.bound, x.unit.as_deref()), (bound, unit), "{text}");
    }
    // Not shares (an ordinal stays one): a half of a game, a fraction of a unit.
    for text in [
        "He scored in the second half of the match.",
        "The meeting ended a quarter of an hour later.",
        "It was the third time the law was changed.",
        "The other half of the team stayed home.",
    ] {
        let qs = quantities(text);
        assert!(
            qs.iter()
                .all(|(_, q)| q.unit.as_deref() != Some("%") && q.value.fract() == 0.0),
            "{text}: {qs:?}"
        );
    }
    // A share in words compares with one in digits.
    let (_, third) = one_quantity("A third of the vote went to the opposition.");
    let (_, close) = one_quantity("The opposition won 34 per cent of the vote.");
    let (_, far) = one_quantity("The opposition won 60 per cent of the vote.");
    assert!(!quantities_conflict(&third, &close));
    assert!(quantities_conflict(&third, &far));
}

#[test]
fn bounds_before_figures() {
    let cases = [
        (
            "Queues formed at more than two crossings.",
            Bound::MoreThan,
            "more than two",
        ),
        (
            "Queues formed at at least two crossings.",
            Bound::AtLeast,
            "at least two",
        ),
        (
            "They accepted about 3,000 members.",
            Bound::About,
            "about 3,000",
        ),
        (
            "They accepted around 3,000 members.",
            Bound::About,
            "around 3,000",
        ),
        (
            "They accepted nearly 3,000 members.",
            Bound::Nearly,
            "nearly 3,000",
        ),
        (
            "They accepted almost 3,000 members.",
            Bound::Nearly,
            "almost 3,000",
        ),
        ("It may take up to 72 hours.", Bound::AtMost, "up to 72"),
        (
            "Fewer than 40 people came.",
            Bound::LessThan,
            "Fewer than 40",
        ),
    ];
    for (text, b, span) in cases {
        let (s, x) = one_quantity(text);
        assert_eq!(x.bound, b, "{text}");
        assert_eq!(s, span, "{text}");
    }
    assert_eq!(
        q("Queues formed at more than two border crossings.")
            .unit
            .as_deref(),
        Some("cross")
    );
}

#[test]
fn ordinals_in_digits_and_words() {
    for (text, v) in [
        ("Albania reports 2nd cyberattack.", 2.0),
        ("Albania suffers second cyberattack.", 2.0),
        ("It was the third attack this year.", 3.0),
    ] {
        let x = q(text);
        assert!(x.ordinal, "{text}");
        assert_eq!(x.value, v);
    }
    assert_eq!(
        q("Albania reports 2nd cyberattack.").unit,
        q("Albania suffers a second cyberattack.").unit
    );
}

#[test]
fn years_and_days_of_dates_are_not_quantities() {
    assert!(quantities("Albania agreed in 2013 to take them in.").is_empty());
    assert!(quantities("The summit was planned for July 23 and 24.").is_empty());
    assert!(quantities("Police guard the embassy, Sept. 8, 2022.").is_empty());
    assert!(quantities("It was reported on 2022-09-10.").is_empty());
    assert!(quantities("Infections rose after COVID-19 spread.").is_empty());
}

#[test]
fn quantity_conflicts() {
    let more = q("Queues formed at more than two crossings.");
    let least = q("Queues formed at at least two crossings.");
    let two = q("Queues formed at two crossings.");
    let three = q("Queues formed at three crossings.");
    assert!(quantities_conflict(&more, &least));
    assert!(quantities_conflict(&least, &more));
    assert!(!quantities_conflict(&more, &more.clone()));
    assert!(
        !quantities_conflict(&least, &two),
        "two satisfies at least two"
    );
    assert!(quantities_conflict(&more, &two), "two is not more than two");
    assert!(!quantities_conflict(&more, &three));
    assert!(quantities_conflict(&two, &three));

    // A share or a measure is continuous: "over 50 per cent" is met by 50.22 per cent, where
    // "more than two crossings" is not met by two.
    let over = q("The No side won over 50 percent of the vote.");
    assert!(!quantities_conflict(
        &over,
        &q("The No side won 50.22 percent.")
    ));
    assert!(quantities_conflict(
        &over,
        &q("The No side won 49.8 percent.")
    ));
    assert!(!quantities_conflict(
        &q("More than 99 percent of stations had reported."),
        &q("With 99.9 percent of stations reporting, the count ended.")
    ));

    let exact = q("They accepted 3,000 members.");
    let about = q("They accepted about 3,000 members.");
    let thousands = q("They accepted thousands of members.");
    let hundreds = q("They accepted hundreds of members.");
    assert!(!quantities_conflict(&exact, &about));
    assert!(!quantities_conflict(&thousands, &exact));
    assert!(quantities_conflict(&hundreds, &exact));
    assert!(quantities_conflict(
        &q("They accepted 2,000 members."),
        &exact
    ));

    // A duration is said to the nearest whole unit: "three years after" and "more than three
    // years after" tell one span, and so do "24 hours" and "less than 24 hours"; 44 days and
    // 45 days are two.
    for (a, b, conflict) in [
        (
            "The talks ended three years after they began.",
            "The talks ended more than three years after they began.",
            false,
        ),
        (
            "The minister lasted 24 hours.",
            "The minister lasted less than 24 hours.",
            false,
        ),
        (
            "She held the post for 44 days.",
            "She held the post for 45 days.",
            true,
        ),
        (
            "The talks ended three years after they began.",
            "The talks ended four years after they began.",
            true,
        ),
    ] {
        assert_eq!(quantities_conflict(&q(a), &q(b)), conflict, "{a} / {b}");
    }
    // Counts of things still move in whole steps.
    assert!(quantities_conflict(&more, &two));

    // Different units or kinds are not comparable.
    let hours = q("They had 24 hours.");
    let days = q("They had 24 days.");
    assert!(!quantities_conflict(&hours, &days));
    let second = q("A second cyberattack hit.");
    assert!(!quantities_conflict(&second, &two));
    // Small ordinals place two members of one sequence ("a second attack" after "the first");
    // large ones are one figure of one event.
    assert!(!quantities_conflict(
        &second,
        &q("A third cyberattack hit.")
    ));
    assert!(quantities_conflict(
        &q("He scored in the 109th minute."),
        &q("He scored in the 108th minute.")
    ));
    // Money: one figure in two spellings agrees, two figures conflict.
    let a = q("The gang demanded $10m.");
    let b = q("The gang demanded US$10 million.");
    let c = q("The gang demanded $15m.");
    assert!(!quantities_conflict(&a, &b));
    assert!(quantities_conflict(&a, &c));
}

// ---------------------------------------------------------------- dates

fn dates(text: &str) -> Vec<(String, crosscheck::analyze::DateMention)> {
    analyze(text, anchor())
        .dates
        .into_iter()
        .map(|d| (text[d.start..d.end].to_string(), d))
        .collect()
}

fn one_date(text: &str) -> crosscheck::analyze::DateMention {
    let ds = dates(text);
    assert_eq!(ds.len(), 1, "{text}: {ds:?}");
    ds.into_iter().next().expect("one date").1
}

#[test]
fn absolute_dates_in_common_formats() {
    for (text, span, d) in [
        (
            "The ministry spoke on September 10.",
            "September 10",
            day(2022, 9, 10),
        ),
        (
            "Police guard the embassy, Sept. 8, 2022.",
            "Sept. 8, 2022",
            day(2022, 9, 8),
        ),
        (
            "It began on 10 September 2022.",
            "10 September 2022",
            day(2022, 9, 10),
        ),
        ("It began on 2022-09-10.", "2022-09-10", day(2022, 9, 10)),
        ("The attack of July 15 failed.", "July 15", day(2022, 7, 15)),
        (
            "It happened on the 9th of September.",
            "9th of September",
            day(2022, 9, 9),
        ),
    ] {
        let ds = dates(text);
        assert_eq!(ds.len(), 1, "{text}: {ds:?}");
        assert_eq!(ds[0].0, span);
        assert_eq!(ds[0].1.day, Some(d), "{text}");
    }
    let r = one_date("The summit was planned for July 23 and 24.");
    assert_eq!(
        (r.day, r.last_day),
        (Some(day(2022, 7, 23)), Some(day(2022, 7, 24)))
    );
    let m = one_date("The first attack came in July.");
    assert_eq!((m.day, m.month), (None, Some((2022, 7))));
    let y = one_date("Albania agreed in 2013 to take them in.");
    assert_eq!((y.day, y.month, y.year), (None, None, Some(2013)));
    // Without an anchor the month and day are still kept.
    let a = analyze("The ministry spoke on September 10.", None);
    assert_eq!(a.dates[0].day, None);
    assert_eq!(a.dates[0].month_day, Some((9, 10)));
    // A modal "may" is no month.
    assert!(dates("Damages may be considered minimal.").is_empty());
    // A possessive names the month too, unless the name is also a word or a first name.
    for text in [
        "July's attack took down the portals.",
        "Since July\u{2019}s attack the portals are offline.",
    ] {
        assert_eq!(one_date(text).month, Some((2022, 7)), "{text}");
    }
    assert!(dates("May's government fell.").is_empty());
    assert!(dates("June's sister spoke first.").is_empty());
}

#[test]
fn relative_dates_resolve_against_the_article_date() {
    // The anchor is Saturday 10 September 2022.
    let fri = one_date("Systems were hit Friday by a cyberattack.");
    assert_eq!(fri.day, Some(day(2022, 9, 9)));
    assert_eq!(fri.weekday, Some(Weekday::Fri));
    assert_eq!(
        one_date("It said so on Saturday.").day,
        Some(day(2022, 9, 10))
    );
    assert_eq!(
        one_date("Rama on Wednesday accused Iran.").day,
        Some(day(2022, 9, 7))
    );
    assert_eq!(
        one_date("It was announced today.").day,
        Some(day(2022, 9, 10))
    );
    assert_eq!(
        one_date("It was announced yesterday.").day,
        Some(day(2022, 9, 9))
    );
    for text in [
        "The attack was recorded last night.",
        "It was detected the previous evening.",
        "Systems went down overnight.",
        "It had been detected the night before.",
    ] {
        let d = one_date(text);
        assert_eq!(d.day, Some(day(2022, 9, 9)), "{text}");
        assert!(d.part_of_day.is_some(), "{text}");
    }
    let week = one_date("Albania expelled the staff this week.");
    assert_eq!(
        (week.day, week.last_day),
        (Some(day(2022, 9, 5)), Some(day(2022, 9, 10)))
    );
    let eve = one_date("It was seen Friday evening.");
    assert_eq!(eve.part_of_day.as_deref(), Some("evening"));
    // A possessive names the day too: "Wednesday's attack".
    for text in [
        "Wednesday's attack hit the police.",
        "Since Wednesday\u{2019}s attack the police are offline.",
    ] {
        assert_eq!(one_date(text).day, Some(day(2022, 9, 7)), "{text}");
    }
}

#[test]
fn date_conflicts() {
    let friday = one_date("Systems were hit Friday.");
    let sept9 = one_date("Systems were hit on September 9.");
    let sept10 = one_date("Systems were hit on September 10.");
    let july = one_date("Systems were hit in July.");
    let july15 = one_date("Systems were hit on July 15.");
    let last_night = one_date("Systems were hit last night.");
    assert!(!dates_conflict(&friday, &sept9), "Friday is 9 September");
    assert!(dates_conflict(&friday, &sept10));
    assert!(!dates_conflict(&july, &july15), "a day inside the month");
    assert!(dates_conflict(&july, &sept9));
    assert!(!dates_conflict(&last_night, &friday));
    let range = one_date("The summit ran July 23 and 24.");
    assert!(!dates_conflict(
        &range,
        &one_date("The summit opened on July 24.")
    ));
    assert!(dates_conflict(&range, &july15));
    let morning = one_date("It struck Friday morning.");
    let night = one_date("It struck Friday night.");
    assert!(dates_conflict(&morning, &night));
    // Unresolved mentions (no anchor) compare by month and day.
    let a = &analyze("on September 9", None).dates[0];
    let b = &analyze("on September 10", None).dates[0];
    assert!(dates_conflict(a, b));
}

// ---------------------------------------------------------------- quotes

fn quotes(text: &str) -> Vec<String> {
    analyze(text, anchor())
        .quotes
        .iter()
        .map(|q| text[q.start..q.end].to_string())
        .collect()
}

#[test]
fn quotes_in_straight_curly_and_single_marks() {
    assert_eq!(
        quotes("Tirana described \"irrefutable\" evidence."),
        ["irrefutable"]
    );
    assert_eq!(
        quotes("He called it “an ill-considered action”, officials said."),
        ["an ill-considered action"]
    );
    assert_eq!(
        quotes("US accused of ‘fanning the flames of conflict’"),
        ["fanning the flames of conflict"]
    );
    assert_eq!(
        quotes("US accused of 'fanning the flames of conflict'"),
        ["fanning the flames of conflict"]
    );
    // Apostrophes are not quote marks.
    assert!(quotes("Iran's ministry and the people’s council met.").is_empty());
    assert!(quotes("The countries' allies met on Iran’s border.").is_empty());
    // A quote still open at the end of the segment counts, and so does one closed here but
    // opened in an earlier segment.
    assert_eq!(
        quotes("“The said attack failed its purpose."),
        ["The said attack failed its purpose."]
    );
    assert_eq!(
        quotes("All systems came back.” Officials agreed."),
        ["All systems came back."]
    );
}

#[test]
fn quotes_get_their_speakers() {
    let cases = [
        (
            "“The systems were hit,” the ministry said in a statement.",
            "the ministry",
        ),
        (
            "“The systems were hit,” said Rama through a post on Twitter.",
            "Rama",
        ),
        (
            "Prime Minister Edi Rama said: “The systems were hit.”",
            "Prime Minister Edi Rama",
        ),
        (
            "“The systems were hit,” Prime Minister Edi Rama tweeted on Saturday.",
            "Prime Minister Edi Rama",
        ),
        (
            "“The systems were hit,” according to the interior ministry.",
            "the interior ministry",
        ),
        (
            "Kanani accused Washington of “giving full support to a terrorist sect”.",
            "Kanani",
        ),
    ];
    for (text, who) in cases {
        let a = analyze(text, anchor());
        assert_eq!(a.quotes.len(), 1, "{text}");
        let (s, e) = a.quotes[0]
            .speaker
            .unwrap_or_else(|| panic!("no speaker in {text}"));
        assert_eq!(&text[s..e], who, "{text}");
    }
}

#[test]
fn quote_wording_differences() {
    let a = "an ill-considered and short-sighted action";
    let b = "a reckless and short-sighted action";
    let ((s1, e1), (s2, e2)) = quote_words_differ(a, b).expect("a change of tone");
    assert_eq!(&a[s1..e1], "ill-considered");
    assert_eq!(&b[s2..e2], "reckless");

    let a = "morally reprehensible";
    let b = "morally irreprehensible";
    let ((s1, e1), (s2, e2)) = quote_words_differ(a, b).expect("a reversal");
    assert_eq!(
        (&a[s1..e1], &b[s2..e2]),
        ("reprehensible", "irreprehensible")
    );

    let a = "This attack did achieve its objective";
    let b = "This attack did not achieve its objective";
    assert!(quote_words_differ(a, b).is_some(), "a dropped negation");

    // Meaning-preserving variants.
    for (a, b) in [
        ("in order to neutralize the criminal act", "in order to neutralise the criminal act"),
        (
            "was committed by the same actors who in July attacked",
            "was carried out by the same actors who in July attacked",
        ),
        (
            "another cyberattack the same aggressors already condemned by Albania's friendly countries and allies",
            "a new cyberattack the same aggressors already condemned by countries friends and allies of Albania",
        ),
        ("the same text", "the same text"),
        ("", "anything"),
    ] {
        assert_eq!(quote_words_differ(a, b), None, "{a} / {b}");
    }
}

// ---------------------------------------------------------------- attribution

fn attrs(text: &str) -> Vec<(String, Strength, Option<String>)> {
    analyze(text, anchor())
        .attributions
        .iter()
        .map(|a| {
            (
                a.lemma.clone(),
                a.strength,
                a.speaker.map(|(s, e)| text[s..e].to_string()),
            )
        })
        .collect()
}

#[test]
fn reporting_verbs_strength_and_speaker() {
    let cases = [
        (
            "The Interior Ministry said the police were the target.",
            "say",
            Strength::Neutral,
            Some("The Interior Ministry"),
        ),
        (
            "NATO has confirmed that Iran was behind the attack.",
            "confirm",
            Strength::Confirmed,
            Some("NATO"),
        ),
        (
            "Albania blamed Iran for the July attack.",
            "blame",
            Strength::Alleged,
            Some("Albania"),
        ),
        (
            "Washington alleged that Tehran ordered it.",
            "allege",
            Strength::Alleged,
            Some("Washington"),
        ),
        (
            "Prime Minister Edi Rama denounced the attack.",
            "denounce",
            Strength::Condemned,
            Some("Prime Minister Edi Rama"),
        ),
        (
            "Iran on September 10 strongly condemned the sanctions.",
            "condemn",
            Strength::Condemned,
            Some("Iran"),
        ),
        (
            "Iran has rejected the accusation.",
            "reject",
            Strength::Denied,
            Some("Iran"),
        ),
        (
            "O’Neil told the parliament that police were coming.",
            "tell",
            Strength::Neutral,
            Some("O’Neil"),
        ),
        (
            "Microsoft wrote in a blog post that the group was linked to Iran.",
            "write",
            Strength::Neutral,
            Some("Microsoft"),
        ),
        (
            "Iran dismissed the accusation as baseless.",
            "dismiss",
            Strength::Denied,
            Some("Iran"),
        ),
        (
            "Investigators found that the hackers were Iranian.",
            "find",
            Strength::Confirmed,
            Some("Investigators"),
        ),
        (
            "The Prime Minister of Albania, Edi Rama, said the country was hit.",
            "say",
            Strength::Neutral,
            Some("Edi Rama"),
        ),
        (
            "The prime minister went on to say that staff had to leave.",
            "say",
            Strength::Neutral,
            Some("The prime minister"),
        ),
    ];
    for (text, lemma, strength, speaker) in cases {
        let a = attrs(text);
        assert_eq!(a.len(), 1, "{text}: {a:?}");
        assert_eq!(a[0].0, lemma, "{text}");
        assert_eq!(a[0].1, strength, "{text}");
        assert_eq!(a[0].2.as_deref(), speaker, "{text}");
    }
    // Names and adjectives are not verbs.
    assert!(attrs("The United States imposed sanctions.").is_empty());
    let adj = attrs("Sanctions followed Tehran's alleged involvement.");
    assert_eq!(adj.len(), 1);
    assert_eq!((adj[0].1, adj[0].2.as_deref()), (Strength::Alleged, None));
    assert!(attrs("The said attack failed.").is_empty());
    // Verbs inside a quotation belong to the quoted speaker.
    let a = analyze(
        "“Iran rejects any use of cyberspace,” the ministry said.",
        anchor(),
    );
    assert!(a
        .attributions
        .iter()
        .any(|x| x.lemma == "reject" && x.in_quote));
    assert!(a
        .attributions
        .iter()
        .any(|x| x.lemma == "say" && !x.in_quote));
}

#[test]
fn negation_cues() {
    let cues = |text: &str| -> Vec<String> {
        analyze(text, anchor())
            .negations
            .iter()
            .map(|&(s, e)| text[s..e].to_string())
            .collect()
    };
    assert_eq!(cues("This attack did not achieve its objective."), ["not"]);
    assert_eq!(cues("The attack didn't work."), ["didn't"]);
    assert_eq!(cues("There was no irreversible wiping of data."), ["no"]);
    assert_eq!(
        cues("Kanani said so without providing evidence."),
        ["without"]
    );
    assert_eq!(
        cues("Iran denied that it was behind the attack."),
        ["denied that"]
    );
    assert_eq!(cues("They have never done so."), ["never"]);
    assert!(cues("The attack succeeded.").is_empty());
    assert!(cues("He lives at No. 10.").is_empty());
}

#[test]
fn hedges() {
    let hedges = |text: &str| -> Vec<String> {
        analyze(text, anchor())
            .hedges
            .iter()
            .map(|&(s, e)| text[s..e].to_string())
            .collect()
    };
    assert_eq!(
        hedges("It was, according to initial information, committed by the same actors."),
        ["according to initial information"]
    );
    assert_eq!(
        hedges("The hackers reportedly demanded money."),
        ["reportedly"]
    );
    assert_eq!(
        hedges("The hackers allegedly demanded money."),
        ["allegedly"]
    );
    assert_eq!(
        hedges("The virus is believed to have been built abroad."),
        ["believed to"]
    );
    assert_eq!(
        hedges("Preliminary results show the same hand."),
        ["Preliminary results"]
    );
    assert_eq!(
        hedges("A threat, which was said to have targeted a summit."),
        ["said to"]
    );
    assert!(hedges("According to the ministry, the systems were hit.").is_empty());
    assert!(hedges("The ministry said the systems were hit.").is_empty());
}

#[test]
fn speakers_in_appositions_and_passives() {
    let cases = [
        (
            "“We are relieved,” Sanjana Quazi, head of the agency in Turkey, said.",
            "say",
            Some("Sanjana Quazi"),
        ),
        (
            "Muhannad Hadi, the regional coordinator, said in a statement Wednesday.",
            "say",
            Some("Muhannad Hadi"),
        ),
        (
            "The attack was condemned by NATO and the European Union.",
            "condemn",
            Some("NATO and the European Union"),
        ),
        (
            "Iran has been accused of directing the attack.",
            "accuse",
            None,
        ),
        ("More than 3,500 people were reported dead.", "report", None),
        ("Many found shelter in tents.", "", None),
    ];
    for (text, lemma, speaker) in cases {
        let a = attrs(text);
        if lemma.is_empty() {
            assert!(a.is_empty(), "{text}: {a:?}");
            continue;
        }
        assert_eq!(a.len(), 1, "{text}: {a:?}");
        assert_eq!(a[0].0, lemma, "{text}");
        assert_eq!(a[0].2.as_deref(), speaker, "{text}");
    }
}

#[test]
fn what_a_figure_counts_when_no_noun_follows() {
    let cases = [
        ("The death toll rose to 20,700 on Thursday.", "death"),
        (
            "Death toll in Turkey, Syria earthquake nears 20,000",
            "death",
        ),
        ("The quake killed more than 19,300.", "death"),
        (
            "The toll of more than 18,400 killed in Japan was passed.",
            "death",
        ),
        (
            "The toll rose to 17,674 with another nearly 73,000 injured.",
            "injuri",
        ),
    ];
    for (text, unit) in cases {
        let qs = quantities(text);
        let last = qs.last().expect("a figure");
        assert_eq!(last.1.unit.as_deref(), Some(unit), "{text}: {qs:?}");
    }
    // Counted in different words, one count.
    let a = q("It killed 18,400 people in the region.");
    assert_eq!(a.unit.as_deref(), Some("death"));
    let b = q("More than 16,500 people have been reported dead.");
    assert_eq!(b.unit.as_deref(), Some("death"));
    assert_eq!(
        q("Some 400 people were hurt.").unit.as_deref(),
        Some("injuri")
    );
    assert_eq!(
        q("About 400 people gathered.").unit.as_deref(),
        Some("peopl")
    );
    assert!(!quantities_conflict(
        &q("The toll reached 20,000."),
        &q("It caused 20,000 deaths.")
    ));
    assert!(quantities_conflict(
        &q("The toll reached 21,000."),
        &q("It caused 20,000 deaths.")
    ));
}

#[test]
fn running_counts_bounded_by_verbs() {
    let surpassed = q("The death toll surpassed 20,000 on Thursday.");
    assert_eq!(
        (surpassed.bound, surpassed.value),
        (Bound::MoreThan, 20000.0)
    );
    let nears = q("Death toll in Turkey, Syria earthquake nears 20,000");
    assert_eq!(nears.bound, Bound::LessThan);
    let passes = q("Death toll passes 20,700 as survivors suffer");
    assert_eq!(passes.bound, Bound::MoreThan);
    let risen = q("The death toll has risen to 20,700.");
    assert_eq!(risen.bound, Bound::Exact);
    let more = q("More than 20,000 deaths have been reported.");
    let more21 = q("The death toll soared to more than 21,000.");
    let killed = q("The quake killed more than 19,300.");
    // Agreements and disagreements as honest readers see them.
    assert!(
        !quantities_conflict(&surpassed, &risen),
        "20,700 is past 20,000"
    );
    assert!(
        quantities_conflict(&nears, &more),
        "near 20,000 is not past it"
    );
    assert!(quantities_conflict(&nears, &surpassed));
    assert!(quantities_conflict(&more, &more21));
    assert!(quantities_conflict(&killed, &surpassed));
    // A large count far beyond the bound is another count.
    let dead = q("More than 16,500 people have been reported dead.");
    let rose = q("The death toll rose to 17,674 on Thursday.");
    assert!(quantities_conflict(&dead, &rose));
    // Small counts are not held to that.
    assert!(!quantities_conflict(
        &q("Queues formed at more than two crossings."),
        &q("Queues formed at five crossings.")
    ));
}

// ---------------------------------------------------------------- names

fn names(text: &str) -> Vec<String> {
    analyze(text, anchor())
        .mentions
        .iter()
        .map(|m| text[m.start..m.end].to_string())
        .collect()
}

#[test]
fn names_are_capitalised_runs() {
    assert_eq!(
        names(
            "The US announced sanctions on Iran’s Ministry of Intelligence and Security on Friday."
        ),
        ["US", "Iran", "Ministry of Intelligence and Security"]
    );
    assert_eq!(
        names("Kanani referred to the banned Mujahedin-e Khalq Organization (MKO)."),
        ["Kanani", "Mujahedin-e Khalq Organization", "MKO"]
    );
    assert_eq!(
        names("Prime Minister Edi Rama said so in July."),
        ["Edi Rama"]
    );
    assert_eq!(
        names("Authorities shut down the systems at Durrës."),
        ["Durrës"]
    );
    assert_eq!(
        names("He said They would come on Monday."),
        Vec::<String>::new()
    );
    assert_eq!(names("Albania and Iran cut ties."), ["Albania", "Iran"]);
    assert_eq!(
        names("The sanctions hit Intelligence and Security Minister Esmail Khatib."),
        ["Intelligence and Security", "Esmail Khatib"]
    );
    assert_eq!(names("Albania's police were hit."), ["Albania"]);
    assert_eq!(
        names("They hosted the People’s Mujahedeen of Iran."),
        ["People’s Mujahedeen of Iran"]
    );
    assert_eq!(
        names("They hosted the People’s Mujahideen Organization of Iran."),
        ["People’s Mujahideen Organization of Iran"]
    );
}

#[test]
fn aliases_learned_from_the_cluster() {
    let texts = [
        "Albania hosts the People's Mujahedeen of Iran, or Mojahedin-e-Khalq (MEK), on its soil. Tehran considers MEK a terrorist group.",
        "Kanani condemned the banned opposition Mujahedin-e Khalq Organization (MKO). The MKO is an exiled group.",
        "Iran's spokesman Nasser Kanaani spoke. Later, Kanaani repeated it.",
        "The spokesman Nasser Kenani said so, and the National Council of Resistance of Iran (NCRI) met. The NCRI disagreed.",
        "Prime Minister Edi Rama said so. Rama added more. Border checks use the Total Information Management System (TIMS).",
        "The People’s Mujahideen Organization of Iran met in Durres. Ismail Khatib and Esmail Khatib are spellings.",
        "Hamas and Hamad are different names, as are Iran and Iraq, and Austria and Australia.",
    ];
    let al = Aliases::learn(&texts);
    // Spelling variants.
    assert!(al.same("Kanani", "Kanaani"));
    assert!(al.same("Kenani", "Kanani"));
    assert!(al.same("Nasser Kanani", "Nasser Kenani"));
    assert_eq!(al.key_token("Kenani"), al.key_token("Kanani"));
    // Acronyms, appositions, initialisms and generic words.
    assert!(al.same("MEK", "Mojahedin-e-Khalq"));
    assert!(al.same("MEK", "People's Mujahedeen of Iran"));
    assert!(al.same("MKO", "MEK"));
    assert!(al.same("Mujahedin-e Khalq Organization", "Mujahedeen-e-Khalq"));
    assert!(al.same("People’s Mujahideen Organization of Iran", "MEK"));
    assert!(al.same("NCRI", "National Council of Resistance of Iran"));
    assert!(al.same("TIMS", "Total Information Management System"));
    // Surnames.
    assert!(al.same("Rama", "Edi Rama"));
    assert!(al.same("Prime Minister Edi Rama", "Rama"));
    // Different names stay apart.
    assert!(!al.same("Hamas", "Hamad"));
    assert!(!al.same("Iran", "Iraq"));
    assert!(!al.same("Austria", "Australia"));
    assert!(!al.same("MEK", "NCRI"));
    assert!(!al.same("Rama", "Kanani"));
    // Abbreviations with and without dots.
    assert!(al.same("U.S.", "US"));
    // Lower-case function words are never acronyms.
    assert_eq!(al.key("who"), "who");
    // Ordinary words capitalised at a sentence start.
    let al2 =
        Aliases::learn(&["Damages were minimal. The damages were small. WHO said so, who knew."]);
    assert!(al2.is_common_word("Damages"));
    assert!(!al2.is_common_word("WHO"));
    assert!(!al2.is_common_word("Kanani"));
    // Unknown names key to themselves, normalised.
    assert_eq!(al.key("Somewhere Else"), "somewhere else");
}

#[test]
fn aliases_learning_scales() {
    // Many distinct long names sharing first letters and lengths, in a few texts: learning
    // must not compare every pair.
    let syll = ["ka", "ne", "mo", "ri", "ta", "lu", "se", "vo", "ha", "di"];
    let name = |mut i: usize| {
        let mut s = String::from("M");
        for _ in 0..4 {
            s.push_str(syll[i % 10]);
            i /= 10;
        }
        s
    };
    let texts: Vec<String> = (0..10)
        .map(|t| {
            (0..1000)
                .map(|i| format!("Officials met {} Tarvanen. ", name(t * 1000 + i)))
                .collect()
        })
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let al = Aliases::learn(&refs);
    assert!(!al.same("Mkanekane", "Mkanekari"));
}

// ---------------------------------------------------------------- robustness

#[test]
fn never_panics_on_hostile_text() {
    let nasty = [
        "",
        " ",
        "\"",
        "“",
        "”",
        "'",
        "‘’",
        "$",
        "$A",
        "US$",
        "minus",
        "more than",
        "July",
        "July 32",
        "February 30, 2022",
        "2022-13-45",
        "9999999999999999999999999999999999999",
        "1,2,3,4,5",
        ",,,000",
        "1.2.3",
        "Friday Friday Friday night",
        "the previous",
        "according to",
        "said said said",
        "A (B) C, or D (E)",
        "e-",
        "-e-",
        "Мария сказала «привет» 3 000 человек",
        "東京で2022年9月10日に地震",
        "مرحبا \u{200F} 12",
        "🙂🙂 \u{0301}\u{0301} 👍🏽 10🙂",
        "\u{FEFF}\u{200B}\u{00A0}50%",
        "a\u{0000}b\u{0007}",
        "ǅ ǈ Ǌ ﬁ ﬂ ﬀ",
    ];
    for t in nasty {
        let a = analyze(t, anchor());
        check_spans(t, &a);
        let _ = analyze(t, None);
        let _ = Aliases::learn(&[t]);
        let _ = quote_words_differ(t, "x");
    }
    // Pseudo-random mixtures of the pieces above.
    let pieces = [
        "said",
        "“",
        "”",
        "'",
        "’",
        "$",
        "US",
        "10",
        ",",
        "000",
        "m",
        "more",
        "than",
        "Friday",
        "July",
        "23",
        "and",
        "24",
        "(",
        "MEK",
        ")",
        "Мария",
        "🙂",
        "\u{0301}",
        "-",
        "e",
        "Khalq",
        ".",
        " ",
        "night",
        "last",
        "minus",
        "6C",
        "%",
        "2nd",
        "according",
        "to",
        "not",
    ];
    let mut seed = 7u64;
    for _ in 0..3000 {
        let mut s = String::new();
        for _ in 0..(seed % 23) {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            if seed & 1 == 0 {
                s.push(' ');
            }
        }
        let a = analyze(&s, anchor());
        check_spans(&s, &a);
    }
}

#[test]
fn never_panics_on_random_unicode() {
    // Characters from the ranges that break naive slicing: multi-byte quotes and dashes,
    // combining marks, right-to-left text, emoji, CJK, digits of other scripts.
    let pool: Vec<char> =
        "aZ9 ,.'\"“”‘’«»—–-$€£%()[]:;!?\n\t\u{00A0}\u{0301}\u{200F}\u{FEFF}é漢字🙂👍🏽٣४Ⅻß"
            .chars()
            .collect();
    let mut seed = 12345u64;
    for _ in 0..3000 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let len = (seed >> 40) as usize % 60;
        let s: String = (0..len)
            .map(|_| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                pool[(seed >> 33) as usize % pool.len()]
            })
            .collect();
        let a = analyze(&s, anchor());
        check_spans(&s, &a);
        let _ = quote_words_differ(&s, "a b c");
        let al = Aliases::learn(&[&s]);
        let _ = al.key(&s);
    }
}

fn check_spans(t: &str, a: &Analysis) {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    spans.extend(a.tokens.iter().map(|x| (x.start, x.end)));
    spans.extend(a.quantities.iter().map(|x| (x.start, x.end)));
    spans.extend(a.dates.iter().map(|x| (x.start, x.end)));
    spans.extend(a.quotes.iter().map(|x| (x.start, x.end)));
    spans.extend(a.quotes.iter().filter_map(|x| x.speaker));
    spans.extend(a.attributions.iter().map(|x| (x.start, x.end)));
    spans.extend(a.attributions.iter().filter_map(|x| x.speaker));
    spans.extend(a.negations.iter().copied());
    spans.extend(a.hedges.iter().copied());
    spans.extend(a.mentions.iter().map(|x| (x.start, x.end)));
    for (s, e) in spans {
        assert!(
            s <= e && t.get(s..e).is_some(),
            "bad span {s}..{e} in {t:?}"
        );
    }
}

#[test]
fn fast_enough_for_a_large_cluster() {
    // 200 articles of 40 sentences: the whole analysis must be a small part of a build.
    let sentences = [
        "“The national police’s computer systems were hit Friday by a cyberattack which, according to initial information, was committed by the same actors,” the ministry said on September 10.",
        "Local media reported long queues in at least two border crossings in the south, and about 3,000 members of the People’s Mujahedeen of Iran (MEK) settled there in 2013.",
        "The gang demanded US$10 million, or $A15.6m, and posted data of 9.7 million customers overnight, Home Affairs Minister Clare O'Neil said.",
        "Iran has rejected the accusation as “baseless”, calling Albania’s decision “an ill-considered and short-sighted action”.",
    ];
    let mut texts = Vec::new();
    for i in 0..8000 {
        let s = sentences[i % sentences.len()];
        let a = analyze(s, anchor());
        assert!(!a.tokens.is_empty());
        texts.push(s);
    }
    let al = Aliases::learn(&texts);
    assert!(al.same("MEK", "People's Mujahedeen of Iran"));
}

// ---------------------------------------------------------------- times of day and results

/// One row per rule of `analyze::clock`: the text, the figure's span, its value and unit.
#[test]
fn times_of_day_and_results_are_figures() {
    let rows: &[(&str, &str, f64, &str)] = &[
        // A time with a zone is minutes past midnight UTC (US zones by family: ET = UTC-5).
        (
            "It launched at 9:28 a.m. ET.",
            "9:28 a.m. ET",
            868.0,
            "time@utc",
        ),
        (
            "Liftoff came at 8:33 am Central Time.",
            "8:33 am Central Time",
            873.0,
            "time@utc",
        ),
        (
            "The polls closed at 16:00 GMT.",
            "16:00 GMT",
            960.0,
            "time@utc",
        ),
        // Without a zone, a meridiem makes it a local time.
        ("The blast was heard at 10.30pm.", "10.30pm", 1350.0, "time"),
        ("Voting began at 8 am.", "8 am", 480.0, "time"),
        // Two tallies joined by a dash are one result, the same from either side.
        ("Argentina won 4-2 on penalties.", "4-2", 4002.0, "result"),
        (
            "The bill passed 52–48 in the Senate.",
            "52–48",
            52048.0,
            "result",
        ),
        ("They lost 1-3 at home.", "1-3", 3001.0, "result"),
    ];
    for &(text, span, value, unit) in rows {
        let qs = quantities(text);
        let hit = qs.iter().find(|(s, _)| s == span);
        let (_, q) = hit.unwrap_or_else(|| panic!("{text}: no {span:?} in {qs:?}"));
        assert_eq!((q.value, q.unit.as_deref()), (value, Some(unit)), "{text}");
    }
    // Not times or results: a bare ratio, a date, a phone number, a year range.
    for text in [
        "The ratio was 9:28 overall.",
        "It was signed on 2022-12-18.",
        "Call 555-1234 for help.",
    ] {
        let qs = quantities(text);
        assert!(
            qs.iter().all(|(_, q)| !q
                .unit
                .as_deref()
                .is_some_and(|u| u.starts_with("time") || u == "result")),
            "{text}: {qs:?}"
        );
    }
    // Times conflict unless equal after the zone; results unless the same pair.
    assert!(quantities_conflict(
        &q("It launched at 9:28 a.m. ET."),
        &q("It launched at 9:33 a.m. EDT.")
    ));
    assert!(!quantities_conflict(
        &q("It launched at 9:33 a.m. EDT."),
        &q("It launched at 8:33 am CT.")
    ));
    assert!(quantities_conflict(
        &q("They won 3-1."),
        &q("They won 4-2.")
    ));
    assert!(!quantities_conflict(
        &q("They won 3-1."),
        &q("They lost 1-3.")
    ));
}

/// Decimals are exact to their last written digit; "about" allows five per cent.
#[test]
fn written_precision_and_about() {
    let rows: &[(&str, &str, bool)] = &[
        ("No won 50.22 percent.", "No won 50.21 percent.", true),
        ("No won 50.2 percent.", "No won 50.22 percent.", false),
        (
            "It was decided by some 50,000 votes.",
            "It was decided by about 57,000 votes.",
            true,
        ),
        (
            "It was decided by some 50,000 votes.",
            "It was decided by about 52,000 votes.",
            false,
        ),
        (
            "Almost 7 million deaths were reported.",
            "At least 7 million deaths were reported.",
            true,
        ),
    ];
    for &(a, b, conflict) in rows {
        assert_eq!(quantities_conflict(&q(a), &q(b)), conflict, "{a} / {b}");
    }
}
