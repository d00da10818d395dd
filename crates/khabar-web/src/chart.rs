//! Charts as SVG, drawn on the server with plotters: attention over time for
//! an entity, and the date histogram of a search. Only dates and counts go
//! into a chart (never stored text), and plotters writes presentation
//! attributes, not `style`, so the page's CSP holds.

use chrono::{Duration, NaiveDate};
use plotters::prelude::*;

const W: u32 = 640;
const H: u32 = 220;
/// Most days drawn; a longer range is grouped by week.
const MAX_BARS: i64 = 400;
/// Fewest days drawn.
const MIN_DAYS: i64 = 14;

/// Counts per day (sorted or not) as a bar chart, days without articles at
/// zero; `None` when there is nothing to draw.
fn bars(points: &[(NaiveDate, u64)], color: RGBColor) -> Option<String> {
    let last = points.iter().map(|p| p.0).max()?;
    // At least two weeks are drawn, so one busy day is a bar, not a wall.
    let first = points
        .iter()
        .map(|p| p.0)
        .min()?
        .min(last - Duration::days(MIN_DAYS - 1));
    let days = (last - first).num_days() + 1;
    // Long ranges are drawn per week so bars stay visible.
    let step = if days > MAX_BARS { 7 } else { 1 };
    let buckets = (days + step - 1) / step;
    let mut counts = vec![0u64; buckets as usize];
    for (d, n) in points {
        let i = ((*d - first).num_days() / step) as usize;
        counts[i] += n;
    }
    let max = counts.iter().copied().max().unwrap_or(1).max(1);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (W, H)).into_drawing_area();
        root.fill(&WHITE).ok()?;
        let mut chart = ChartBuilder::on(&root)
            .margin(8)
            .margin_right(40)
            .x_label_area_size(28)
            .y_label_area_size(40)
            .build_cartesian_2d(0..buckets as i32, 0u64..(max + max / 10 + 1))
            .ok()?;
        let label = |i: &i32| {
            (first + Duration::days(i64::from(*i) * step))
                .format("%Y-%m-%d")
                .to_string()
        };
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(4)
            .y_labels(5)
            .x_label_formatter(&label)
            .label_style(("sans-serif", 12))
            .draw()
            .ok()?;
        chart
            .draw_series(
                counts.iter().enumerate().map(|(i, n)| {
                    Rectangle::new([(i as i32, 0), (i as i32 + 1, *n)], color.filled())
                }),
            )
            .ok()?;
        root.present().ok()?;
    }
    Some(accessible(svg))
}

/// Gives the SVG an image role (plotters already writes a `viewBox`, so CSS
/// can scale it).
fn accessible(svg: String) -> String {
    svg.replacen("<svg ", "<svg role=\"img\" ", 1)
}

/// Mentions per day of an entity.
pub(crate) fn timeline_svg(points: &[(NaiveDate, u64)]) -> Option<String> {
    bars(points, RGBColor(0x1f, 0x5f, 0x8b))
}

/// Matches per day of a search.
pub(crate) fn histogram_svg(points: &[(NaiveDate, u64)]) -> Option<String> {
    bars(points, RGBColor(0x6a, 0x4c, 0x93))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_bars_without_inline_style_or_script() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let svg = timeline_svg(&[(d("2024-06-01"), 3), (d("2024-06-05"), 1)]).unwrap();
        assert!(svg.starts_with("<svg role=\"img\""), "{}", &svg[..80]);
        assert_eq!(svg.matches("viewBox").count(), 1);
        assert!(svg.contains("<rect"));
        // Two weeks at least: the axis starts 13 days before the last day.
        assert!(svg.contains("2024-05-23"), "{svg}");
        assert!(!svg.contains("style="));
        assert!(!svg.contains("<script"));
        assert_eq!(timeline_svg(&[]), None);
    }

    #[test]
    fn long_ranges_are_grouped_by_week() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let svg = histogram_svg(&[(d("2020-01-01"), 1), (d("2024-01-01"), 1)]).unwrap();
        // About 209 weekly bars (plus the background) rather than 1,462 daily ones.
        let rects = svg.matches("<rect").count();
        assert!(rects < 300, "{rects}");
    }
}
