//! A log-log plot of median build time against articles, one line per build path, written by
//! hand (no plotting crate).

use std::fmt::Write as _;

/// One line of the plot: its name, colour and (articles, milliseconds) points.
pub struct Series<'a> {
    pub name: &'a str,
    pub colour: &'a str,
    pub points: Vec<(f64, f64)>,
}

pub fn plot(series: &[Series]) -> String {
    let (w, h) = (640.0, 420.0);
    let (left, right, top, bottom) = (70.0, 20.0, 40.0, 70.0);
    let lx = |v: f64| v.max(1e-3).log10();
    let all: Vec<(f64, f64)> = series.iter().flat_map(|s| s.points.clone()).collect();
    let (mut x0, mut x1) = (f64::MAX, f64::MIN);
    let (mut y0, mut y1) = (f64::MAX, f64::MIN);
    for &(x, y) in &all {
        x0 = x0.min(lx(x));
        x1 = x1.max(lx(x));
        y0 = y0.min(lx(y));
        y1 = y1.max(lx(y));
    }
    if all.is_empty() {
        (x0, x1, y0, y1) = (0.0, 1.0, 0.0, 1.0);
    }
    let (x0, x1) = (x0.floor(), x1.ceil().max(x0.floor() + 1.0));
    let (y0, y1) = (y0.floor(), y1.ceil().max(y0.floor() + 1.0));
    let px = |x: f64| left + (lx(x) - x0) / (x1 - x0) * (w - left - right);
    let py = |y: f64| h - bottom - (lx(y) - y0) / (y1 - y0) * (h - top - bottom);
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="sans-serif" font-size="12">"#
    );
    let _ = writeln!(s, r#"<rect width="{w}" height="{h}" fill="white"/>"#);
    let _ = writeln!(
        s,
        r#"<text x="{}" y="22" text-anchor="middle" font-size="14">crosscheck build: median time vs articles (log-log)</text>"#,
        w / 2.0
    );
    // Decade grid lines and labels on both axes.
    let mut d = x0;
    while d <= x1 + 1e-9 {
        let x = px(10f64.powf(d));
        let _ = writeln!(
            s,
            r##"<line x1="{x:.1}" y1="{top}" x2="{x:.1}" y2="{}" stroke="#ddd"/>"##,
            h - bottom
        );
        let _ = writeln!(
            s,
            r#"<text x="{x:.1}" y="{}" text-anchor="middle">{}</text>"#,
            h - bottom + 18.0,
            10f64.powf(d)
        );
        d += 1.0;
    }
    let mut d = y0;
    while d <= y1 + 1e-9 {
        let y = py(10f64.powf(d));
        let _ = writeln!(
            s,
            r##"<line x1="{left}" y1="{y:.1}" x2="{}" y2="{y:.1}" stroke="#ddd"/>"##,
            w - right
        );
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{:.1}" text-anchor="end">{}</text>"#,
            left - 6.0,
            y + 4.0,
            10f64.powf(d)
        );
        d += 1.0;
    }
    let _ = writeln!(
        s,
        r##"<rect x="{left}" y="{top}" width="{}" height="{}" fill="none" stroke="#333"/>"##,
        w - left - right,
        h - top - bottom
    );
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{}" text-anchor="middle">articles in cluster</text>"#,
        left + (w - left - right) / 2.0,
        h - bottom + 36.0
    );
    let _ = writeln!(
        s,
        r#"<text x="16" y="{}" text-anchor="middle" transform="rotate(-90 16 {})">median build time (ms)</text>"#,
        top + (h - top - bottom) / 2.0,
        top + (h - top - bottom) / 2.0
    );
    for (i, line) in series.iter().enumerate() {
        let c = line.colour;
        let pts: Vec<String> = line
            .points
            .iter()
            .map(|&(x, y)| format!("{:.1},{:.1}", px(x), py(y)))
            .collect();
        let _ = writeln!(
            s,
            r#"<polyline points="{}" fill="none" stroke="{c}" stroke-width="2"/>"#,
            pts.join(" ")
        );
        for &(x, y) in &line.points {
            let _ = writeln!(
                s,
                r#"<circle cx="{:.1}" cy="{:.1}" r="4" fill="{c}"><title>{}, {x} articles: {y:.2} ms</title></circle>"#,
                px(x),
                py(y),
                line.name
            );
            // Labels below the points of the first line and above those of the others, so
            // two lines close together stay legible.
            let dy = if i == 0 { 16.0 } else { -8.0 };
            let _ = writeln!(
                s,
                r#"<text x="{:.1}" y="{:.1}" fill="{c}">{y:.0} ms</text>"#,
                px(x) + 7.0,
                py(y) + dy
            );
        }
        // Legend under the axis label.
        let lx0 = left + 10.0 + 300.0 * i as f64;
        let ly = h - 14.0;
        let _ = writeln!(
            s,
            r#"<line x1="{lx0}" y1="{}" x2="{}" y2="{}" stroke="{c}" stroke-width="2"/>"#,
            ly - 4.0,
            lx0 + 24.0,
            ly - 4.0
        );
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{ly}">{}</text>"#,
            lx0 + 30.0,
            line.name
        );
    }
    s.push_str("</svg>\n");
    s
}
