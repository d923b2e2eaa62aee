//! `evloop vectors`: conformance vectors generated from the litmus tests, with the outcomes
//! the checker computes for each host.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Args;
use evloop_conformance::{LitmusInput, Vector, vector};

use super::exit;
use evloop_litmus::Litmus;

#[derive(Debug, Args)]
pub struct VectorsArgs {
    /// Write each vector as DIR/ID.json and DIR/ID.yaml.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Print the vectors as one JSON array on stdout.
    #[arg(long)]
    pub json: bool,
    /// The litmus directory.
    #[arg(long, value_name = "DIR", default_value = "spec/litmus")]
    pub litmus: PathBuf,
    /// Only vectors whose id contains this text.
    #[arg(long, value_name = "ID")]
    pub filter: Option<String>,
    /// The most model states to explore per (vector, host).
    #[arg(long, value_name = "N", default_value_t = 200_000)]
    pub max_states: usize,
}

/// The litmus file's parts a vector is made of.
pub fn input(t: &Litmus) -> LitmusInput {
    LitmusInput {
        file: t.path.display().to_string(),
        id: t.meta.id.clone(),
        description: t.meta.description.clone(),
        text: t.source.clone(),
        rules: t.meta.rules.clone(),
        hosts: t.meta.hosts.clone(),
        observed: t.meta.observed.clone(),
        source: t.meta.source.clone(),
        markup: t.meta.dom.clone(),
        events: t.meta.events.clone(),
    }
}

/// Generates the vectors of every litmus file in `dir` (whose id contains `filter`).
pub fn generate(dir: &Path, filter: Option<&str>, max_states: usize) -> Result<Vec<Vector>> {
    let tests = Litmus::load_dir(dir)?;
    let mut out = Vec::new();
    for t in &tests {
        if filter.is_some_and(|f| !t.meta.id.contains(f)) {
            continue;
        }
        out.push(vector::generate_with(&input(t), max_states, &|host| {
            Ok((t.program(host)?, t.page(host)?))
        })?);
    }
    Ok(out)
}

pub fn main(args: VectorsArgs) -> Result<u8> {
    let vectors = generate(&args.litmus, args.filter.as_deref(), args.max_states)?;
    if let Some(dir) = &args.out {
        vector::write_all(dir, &vectors).with_context(|| format!("writing {}", dir.display()))?;
    }
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&vectors)?);
    } else {
        let incomplete = vectors
            .iter()
            .flat_map(|v| v.hosts.iter().map(move |(h, o)| (v, h, o)))
            .filter(|(_, _, o)| !o.complete)
            .map(|(v, h, _)| format!("{} [{h}]", v.id))
            .collect::<Vec<_>>();
        eprintln!(
            "{} vectors{}{}",
            vectors.len(),
            args.out
                .as_ref()
                .map(|d| format!(" written to {}", d.display()))
                .unwrap_or_default(),
            if incomplete.is_empty() {
                String::new()
            } else {
                format!("; incomplete outcome sets: {}", incomplete.join(", "))
            }
        );
    }
    Ok(exit::OK)
}
