//! The AWS partitions behind `aws.partition`: read from a `partitions.json` (botocore's
//! format; the generator embeds the facts of botocore 1.44.5's copy) into the IR, with each
//! region regex compiled to the few pieces the partitions use.

use serde_json::Value;

use super::ir::{PartitionIr, PartitionOutputs, RegionPatternPiece};

/// The partitions smithy-bind uses unless told otherwise: ids, outputs, region regexes and
/// region names of botocore 1.44.5's `partitions.json`.
pub const EMBEDDED: &str = include_str!("partitions.json");

/// Reads a `partitions.json`; `source` names it in errors.
pub fn load(text: &str, source: &str) -> Result<Vec<PartitionIr>, String> {
    let json: Value = serde_json::from_str(text).map_err(|error| format!("{source} is not valid JSON: {error}"))?;
    let Some(partitions) = json.get("partitions").and_then(Value::as_array) else {
        return Err(format!("{source} has no `partitions` list"));
    };
    partitions
        .iter()
        .enumerate()
        .map(|(index, partition)| load_partition(partition).map_err(|problem| format!("{source}: partitions[{index}] {problem}")))
        .collect()
}

fn load_partition(partition: &Value) -> Result<PartitionIr, String> {
    let id = partition.get("id").and_then(Value::as_str).ok_or("has no `id`")?.to_owned();
    let outputs = partition.get("outputs").ok_or_else(|| format!("({id}) has no `outputs`"))?;
    let outputs = load_outputs(outputs, None).map_err(|problem| format!("({id}) {problem}"))?;
    let regex = partition
        .get("regionRegex")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("({id}) has no `regionRegex`"))?;
    let region_pattern = compile_region_regex(regex).map_err(|problem| format!("({id}) has the region regex {regex:?}, which {problem}"))?;
    let mut regions = Vec::new();
    if let Some(listed) = partition.get("regions").and_then(Value::as_object) {
        for (region, entry) in listed {
            let overrides = entry.as_object().is_some_and(|entry| entry.keys().any(|key| key != "description"));
            let outputs = if overrides {
                Some(load_outputs(entry, Some(&outputs)).map_err(|problem| format!("({id}) region {region} {problem}"))?)
            } else {
                None
            };
            regions.push((region.clone(), outputs));
        }
    }
    regions.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(PartitionIr {
        id,
        outputs,
        regions,
        region_pattern,
    })
}

/// A partition's outputs; a region's entry overrides only the keys it has.
fn load_outputs(value: &Value, base: Option<&PartitionOutputs>) -> Result<PartitionOutputs, String> {
    let text = |key: &str, fallback: Option<&String>| -> Result<String, String> {
        match (value.get(key).and_then(Value::as_str), fallback) {
            (Some(text), _) => Ok(text.to_owned()),
            (None, Some(fallback)) => Ok(fallback.clone()),
            (None, None) => Err(format!("has no string `{key}`")),
        }
    };
    let flag = |key: &str, fallback: Option<bool>| -> Result<bool, String> {
        value.get(key).and_then(Value::as_bool).or(fallback).ok_or_else(|| format!("has no boolean `{key}`"))
    };
    Ok(PartitionOutputs {
        name: text("name", base.map(|b| &b.name))?,
        dns_suffix: text("dnsSuffix", base.map(|b| &b.dns_suffix))?,
        dual_stack_dns_suffix: text("dualStackDnsSuffix", base.map(|b| &b.dual_stack_dns_suffix))?,
        implicit_global_region: text("implicitGlobalRegion", base.map(|b| &b.implicit_global_region))?,
        supports_fips: flag("supportsFIPS", base.map(|b| b.supports_fips))?,
        supports_dual_stack: flag("supportsDualStack", base.map(|b| b.supports_dual_stack))?,
    })
}

/// Compiles `^(us|eu)\-\w+\-\d+$`: anchors, literal characters (`\-` and `\.` escaped),
/// groups of literal alternatives, `\w+` and `\d+`. Anything else is refused rather than
/// approximated, since a wrong match would pick a wrong partition silently.
pub fn compile_region_regex(regex: &str) -> Result<Vec<RegionPatternPiece>, String> {
    let body = regex
        .strip_prefix('^')
        .and_then(|rest| rest.strip_suffix('$'))
        .ok_or("is not anchored with ^ and $")?;
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut chars = body.chars().peekable();
    let flush = |literal: &mut String, pieces: &mut Vec<RegionPatternPiece>| {
        if !literal.is_empty() {
            pieces.push(RegionPatternPiece::Literal(std::mem::take(literal)));
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(class @ ('w' | 'd')) => {
                    if chars.next() != Some('+') {
                        return Err(format!("uses \\{class} without `+`, which smithy-bind cannot compile"));
                    }
                    flush(&mut literal, &mut pieces);
                    pieces.push(if class == 'w' { RegionPatternPiece::Word } else { RegionPatternPiece::Digits });
                }
                Some(escaped @ ('-' | '.')) => literal.push(escaped),
                other => return Err(format!("uses the escape \\{}, which smithy-bind cannot compile", other.unwrap_or(' '))),
            },
            '(' => {
                let mut group = String::new();
                loop {
                    match chars.next() {
                        Some(')') => break,
                        Some(c) if c.is_ascii_alphanumeric() || c == '|' || c == '-' => group.push(c),
                        Some(c) => return Err(format!("has `{c}` inside a group, which smithy-bind cannot compile")),
                        None => return Err("has an unclosed group".to_owned()),
                    }
                }
                flush(&mut literal, &mut pieces);
                pieces.push(RegionPatternPiece::OneOf(group.split('|').map(str::to_owned).collect()));
            }
            c if c.is_ascii_alphanumeric() || c == '-' => literal.push(c),
            c => return Err(format!("uses `{c}`, which smithy-bind cannot compile")),
        }
    }
    flush(&mut literal, &mut pieces);
    Ok(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_partition_regexes_compile_to_pieces() {
        assert_eq!(
            compile_region_regex(r"^(us|eu)\-\w+\-\d+$").unwrap(),
            vec![
                RegionPatternPiece::OneOf(vec!["us".into(), "eu".into()]),
                RegionPatternPiece::Literal("-".into()),
                RegionPatternPiece::Word,
                RegionPatternPiece::Literal("-".into()),
                RegionPatternPiece::Digits,
            ]
        );
        assert_eq!(compile_region_regex(r"^us\-iso\-\w+\-\d+$").unwrap()[0], RegionPatternPiece::Literal("us-iso-".into()));
    }

    #[test]
    fn other_regex_syntax_is_refused() {
        assert!(compile_region_regex(r"us\-\w+").unwrap_err().contains("anchored"));
        assert!(compile_region_regex(r"^us\-[a-z]+$").unwrap_err().contains("`[`"));
        assert!(compile_region_regex(r"^us\-\w*$").unwrap_err().contains("without `+`"));
    }

    #[test]
    fn the_embedded_partitions_load() {
        let partitions = load(EMBEDDED, "embedded").unwrap();
        let ids: Vec<&str> = partitions.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["aws", "aws-cn", "aws-eusc", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-us-gov"]);
        assert_eq!(partitions[1].outputs.dns_suffix, "amazonaws.com.cn");
        assert!(partitions[0].regions.iter().any(|(region, _)| region == "us-east-1"));
    }
}
