//! The prose the page shows only when asked: facts' notes, platforms' summaries, pros and cons,
//! and the titles and links of sources. A third of the data's bytes, none of it on the first
//! screen, so the build keeps it out of the wasm: [`take`] moves it into a list (the prose file,
//! published beside the page) and leaves each place a [`Prose::Later`] index. The page fetches
//! the file the first time it shows a word and reads each place from it ([`Prose::read`]);
//! native code [`fill`]s the places back in.
//!
//! What the first screen does show stays compiled in: the sources of a platform's status and
//! the 2019 article (the 2019 view names it). What changed, with the history's notes and
//! sources, is written by the prerender and not drawn by the wasm (`components::what_changed`).

use super::model::Allowance;
use super::model::{Dataset, Fact, Status};
use super::types::{Prose, Words};
use std::collections::BTreeSet;

/// Moves the prose out of `data`: each place becomes `Later(i)`, `i` its position in the list
/// returned. Sources the first screen links stay `Here`.
/// The source of the 2019 values: the article this page began as.
pub const ARTICLE_2019: &str = "article-2019";

pub fn take(data: &mut Dataset) -> Vec<String> {
    let mut shown_first: BTreeSet<String> = BTreeSet::from([ARTICLE_2019.to_owned()]);
    for p in data.platforms.iter() {
        if let Status::Closed { source, .. } | Status::Retired { source, .. } = &p.status {
            shown_first.insert(source.to_string());
        }
    }
    let mut taken = Vec::new();
    each(data, &|id| !shown_first.contains(id), &mut |prose| {
        if let Prose::Here(text) = prose {
            // The data has far fewer than 65,536 texts; one that did not fit would stay here.
            if let Ok(at) = u16::try_from(taken.len()) {
                taken.push(text.to_string());
                *prose = Prose::Later(at);
            }
        }
    });
    taken
}

/// Puts the prose file's words back into their places. An index the file does not have is
/// an error, and `data` is then left as it was.
pub fn fill(data: &mut Dataset, words: &Words) -> Result<(), String> {
    let mut filled = data.clone();
    let mut missing = None;
    each(&mut filled, &|_| true, &mut |prose| {
        if let Prose::Later(at) = *prose {
            match words.0.get(usize::from(at)) {
                Some(text) => *prose = Prose::Here(text.clone().into()),
                None => missing = Some(at),
            }
        }
    });
    match missing {
        Some(at) => Err(format!(
            "the prose file has {} texts, the page asks for number {at}",
            words.0.len()
        )),
        None => {
            *data = filled;
            Ok(())
        }
    }
}

/// Calls `f` on every place of prose, in one fixed order (the file's), the sources' among
/// them where `source` says so of the source's id.
fn each(data: &mut Dataset, source: &dyn Fn(&str) -> bool, f: &mut dyn FnMut(&mut Prose)) {
    for (id, s) in data.sources.iter_mut() {
        if source(id) {
            f(&mut s.title);
            f(&mut s.url);
        }
    }
    for (_, gpu) in data.gpus.iter_mut() {
        if let Some(note) = &mut gpu.note {
            f(note);
        }
    }
    for p in data.platforms.to_mut() {
        if let Some(allowance) = &mut p.gpu_allowance {
            allowance_prose(allowance, f);
        }
        f(&mut p.summary);
        for change in p.history.to_mut() {
            if let Some(note) = &mut change.note {
                f(note);
            }
        }
        for snapshot in [&mut p.snapshots.then, &mut p.snapshots.today]
            .into_iter()
            .flatten()
        {
            snapshot.pros.to_mut().iter_mut().for_each(&mut *f);
            snapshot.cons.to_mut().iter_mut().for_each(&mut *f);
            for (_, fact) in snapshot.facts.iter_mut() {
                fact_prose(fact, f);
            }
        }
    }
}

fn fact_prose(fact: &mut Fact, f: &mut dyn FnMut(&mut Prose)) {
    if let Some(note) = &mut fact.note {
        f(note);
    }
    if let Some(alt) = &fact.alt {
        let mut alt = (**alt).clone();
        fact_prose(&mut alt, f);
        fact.alt = Some(super::types::Boxed::Heap(Box::new(alt)));
    }
}

fn allowance_prose(allowance: &mut Allowance, f: &mut dyn FnMut(&mut Prose)) {
    if let Some(note) = &mut allowance.note {
        f(note);
    }
    f(&mut allowance.figure.arithmetic);
    if let Some(alt) = &allowance.alt {
        let mut alt = (**alt).clone();
        allowance_prose(&mut alt, f);
        allowance.alt = Some(super::types::Boxed::Heap(Box::new(alt)));
    }
}
