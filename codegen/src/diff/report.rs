//! A diff as a table for people and as JSON for tools.

use serde_json::{json, Value};

use super::change::{Impact, ModelDiff};

/// One row per change, columns aligned, then a summary line. Subjects drop their namespace
/// (the JSON form keeps it).
pub fn to_table(diff: &ModelDiff) -> String {
    let header = ["impact", "change", "subject", "detail"];
    let rows: Vec<[String; 4]> = diff
        .changes
        .iter()
        .map(|change| {
            let subject = change.subject.split_once('#').map_or(change.subject.as_str(), |(_, name)| name);
            [change.impact.as_str().to_owned(), change.kind.to_owned(), subject.to_owned(), change.detail.clone()]
        })
        .collect();
    let mut widths = header.map(str::len);
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    if !rows.is_empty() {
        let line = |cells: [&str; 4]| {
            let mut text = String::new();
            for (index, cell) in cells.iter().enumerate() {
                if index == 3 {
                    text.push_str(cell);
                } else {
                    text.push_str(&format!("{cell:<width$}  ", width = widths[index]));
                }
            }
            text.trim_end().to_owned() + "\n"
        };
        out.push_str(&line(header));
        for row in &rows {
            out.push_str(&line([&row[0], &row[1], &row[2], &row[3]]));
        }
        out.push('\n');
    }
    out.push_str(&summary(diff));
    out.push('\n');
    out
}

/// `3 changes (1 breaking, 2 additive, 0 wire-only, 0 docs-only); documentation changed on 5
/// shapes and members`.
pub fn summary(diff: &ModelDiff) -> String {
    let counts: Vec<String> = Impact::ALL.iter().map(|impact| format!("{} {}", diff.count(*impact), impact.as_str())).collect();
    let noun = if diff.changes.len() == 1 { "change" } else { "changes" };
    format!(
        "{} {noun} ({}); documentation changed on {} shapes and members (not listed)",
        diff.changes.len(),
        counts.join(", "),
        diff.documentation_changes
    )
}

/// `{"breaking": bool, "counts": {...}, "documentation_changes": n, "changes": [...]}`.
pub fn to_json(diff: &ModelDiff) -> Value {
    let changes: Vec<Value> = diff
        .changes
        .iter()
        .map(|change| {
            json!({
                "impact": change.impact.as_str(),
                "change": change.kind,
                "subject": change.subject,
                "detail": change.detail,
            })
        })
        .collect();
    let counts: serde_json::Map<String, Value> =
        Impact::ALL.iter().map(|impact| (impact.as_str().to_owned(), json!(diff.count(*impact)))).collect();
    json!({
        "breaking": diff.is_breaking(),
        "counts": counts,
        "documentation_changes": diff.documentation_changes,
        "changes": changes,
    })
}
