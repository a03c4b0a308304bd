//! A platform's dated change log, read: which value changed on which day, from what to what, and
//! who says so (each entry a `Change` of the model). Two kinds: a **change** of the platform's free tier (Kaggle retired the P100), and a
//! **correction** of our own data (a value we had wrong, or vaguer than it could be). The 2019
//! snapshot is not history: it is the article's view, and what happened between 2019 and today is
//! mostly undated. The rules (dates, fields, values, sources, the chain ending at today's value)
//! are checked with every other rule in `validate`.

use super::fields::Field;
use super::model::{Change, Era, Fact, Platform};

impl Platform {
    /// The entries about `field`, oldest first (the file keeps them in date order).
    pub fn history_of(&self, field: Field) -> impl Iterator<Item = &Change> {
        self.history
            .iter()
            .filter(move |c| c.field() == Some(field))
    }

    /// The day of the newest entry, if any.
    pub fn last_changed(&self) -> Option<&str> {
        self.history.iter().map(|c| &*c.date).max()
    }

    /// The newest entry about `field` made on or after `since` (an ISO date).
    pub fn changed_since(&self, field: Field, since: &str) -> Option<&Change> {
        self.history_of(field).filter(|c| &*c.date >= since).last()
    }

    /// Its own Atom feed, published beside the page (`publish`) and linked from its details: only
    /// a platform with a history has one.
    pub fn feed_file(&self) -> Option<String> {
        (!self.history.is_empty()).then(|| format!("feed-{}.xml", self.id))
    }

    /// Today's value of `field` as the page resolves it: today's, else 2019's.
    pub fn current(&self, field: Field) -> Option<&Fact> {
        [Era::Today, Era::Y2019]
            .into_iter()
            .find_map(|era| self.snapshot(era)?.facts.get(&field))
    }
}
