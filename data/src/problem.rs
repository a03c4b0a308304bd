//! What a broken dataset is told: each broken rule with its place, and the list of them. Its own
//! file so that every rule-keeping module (`validate`, `compute`) can name it without a circle.

use std::fmt;

/// What is wrong with a dataset: every rule it breaks, or the one structural error.
#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    pub problems: Vec<Problem>,
}

/// One broken rule and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub platform: Option<String>,
    /// A field id, or another place within the platform ("status", "2019 as_of", "source 'x'").
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(p) = &self.platform {
            write!(f, "platform '{p}': ")?;
        }
        if let Some(field) = &self.field {
            write!(f, "field '{field}': ")?;
        }
        f.write_str(&self.message)
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.problems.iter().map(Problem::to_string).collect();
        f.write_str(&lines.join("\n"))
    }
}

impl std::error::Error for DataError {}
