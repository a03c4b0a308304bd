//! The building blocks of the model that let one type serve both ways in: owned when serde reads
//! a JSON file (tests, fixtures, the build script), borrowed when `build.rs` compiles the data
//! into `&'static` statics (the page), so the wasm carries no JSON and no parser.

use serde::{Deserialize, Deserializer};
use std::borrow::{Borrow, Cow};
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Deref;

/// A string: `&'static str` compiled in, `String` read from a file.
pub type Text = Cow<'static, str>;

/// Words the page shows only when asked (a fact's note, a platform's summary, pros and cons, a
/// source's title and link): read from the file they are `Here`; the page's compiled data holds
/// only their place in the prose file (`Later`), fetched the first time one is shown (`prose.rs`).
#[derive(Debug, Clone, PartialEq)]
pub enum Prose {
    Here(Text),
    Later(u16),
}

impl Prose {
    /// The words, if they are here (always, in a dataset read from a file).
    pub fn text(&self) -> Option<&str> {
        static NOTHING_FETCHED: Words = Words(Vec::new());
        self.read(&NOTHING_FETCHED)
    }

    /// The words, here or in the prose file's `words` (`None` until it is fetched).
    pub fn read<'a>(&'a self, words: &'a Words) -> Option<&'a str> {
        match self {
            Prose::Here(text) => Some(text),
            Prose::Later(at) => words.0.get(usize::from(*at)).map(String::as_str),
        }
    }
}

/// The prose file's words, in the order `Prose::Later` counts them; empty until it is fetched.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Words(pub Vec<String>);

impl Default for Prose {
    fn default() -> Self {
        Prose::Here(Text::Borrowed(""))
    }
}

impl From<String> for Prose {
    fn from(text: String) -> Self {
        Prose::Here(text.into())
    }
}

impl<'de> Deserialize<'de> for Prose {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Prose::Here(Text::deserialize(d)?))
    }
}

/// A list: a `&'static` slice compiled in, a `Vec` read from a file.
#[derive(Clone, PartialEq)]
pub struct Items<T: Clone + 'static>(
    /// Public for the app's generated statics only (`codegen`): elsewhere use the constructors.
    #[doc(hidden)]
    pub Cow<'static, [T]>,
);

impl<T: Clone> Items<T> {
    pub const fn from_static(items: &'static [T]) -> Self {
        Items(Cow::Borrowed(items))
    }

    /// The items to change in place (a compiled-in list is copied first).
    pub fn to_mut(&mut self) -> &mut [T] {
        self.0.to_mut()
    }
}

impl<T: Clone> Deref for Items<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.0
    }
}

/// `items == ["a", "b"]`, as with a `Vec`.
impl<T: Clone + PartialEq<U>, U, const N: usize> PartialEq<[U; N]> for Items<T> {
    fn eq(&self, other: &[U; N]) -> bool {
        self.0[..] == other[..]
    }
}

impl<T: Clone> From<Vec<T>> for Items<T> {
    fn from(items: Vec<T>) -> Self {
        Items(Cow::Owned(items))
    }
}

impl<T: Clone> Default for Items<T> {
    fn default() -> Self {
        Items::from_static(&[])
    }
}

impl<'a, T: Clone> IntoIterator for &'a Items<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T: Clone + fmt::Debug> fmt::Debug for Items<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<'de, T: Clone + Deserialize<'de>> Deserialize<'de> for Items<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Vec::deserialize(d)?.into())
    }
}

/// A map with its keys in order (as `BTreeMap` iterates), stored as a sorted list of pairs so a
/// static can hold it.
#[derive(Debug, Clone, PartialEq)]
pub struct SortedMap<K: Clone + 'static, V: Clone + 'static>(
    /// Public for the app's generated statics only (`codegen`), which write the pairs in order.
    #[doc(hidden)]
    pub Items<(K, V)>,
);

impl<K: Clone, V: Clone> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap(Items::default())
    }
}

impl<K: Clone + Ord, V: Clone> SortedMap<K, V> {
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        let at = self.0.binary_search_by(|(k, _)| k.borrow().cmp(key)).ok()?;
        Some(&self.0[at].1)
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.get(key).is_some()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.0.iter().map(|(k, _)| k)
    }

    /// The pairs, values to change in place (a compiled-in map is copied first).
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&K, &mut V)> {
        self.0.to_mut().iter_mut().map(|(k, v)| (&*k, v))
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// `map[&key]`, as with `BTreeMap`: panics if the key is missing.
impl<K: Clone + Ord + Borrow<Q>, V: Clone, Q: Ord + ?Sized> std::ops::Index<&Q>
    for SortedMap<K, V>
{
    type Output = V;
    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("no entry for the key")
    }
}

impl<'a, K: Clone + Ord, V: Clone> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<K: Clone + Ord, V: Clone> FromIterator<(K, V)> for SortedMap<K, V> {
    /// Sorted by key; a repeated key keeps its last value, as a JSON object read into a map does.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let map: BTreeMap<K, V> = iter.into_iter().collect();
        SortedMap(map.into_iter().collect::<Vec<_>>().into())
    }
}

impl<'de, K, V> Deserialize<'de> for SortedMap<K, V>
where
    K: Clone + Ord + Deserialize<'de>,
    V: Clone + Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(BTreeMap::<K, V>::deserialize(d)?.into_iter().collect())
    }
}

/// A value behind a pointer (a fact's `alt` is a fact): `&'static` compiled in, boxed when read.
#[derive(Clone)]
pub enum Boxed<T: 'static> {
    Static(&'static T),
    Heap(Box<T>),
}

impl<T> Deref for Boxed<T> {
    type Target = T;
    fn deref(&self) -> &T {
        match self {
            Boxed::Static(t) => t,
            Boxed::Heap(t) => t,
        }
    }
}

impl<T: PartialEq> PartialEq for Boxed<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: fmt::Debug> fmt::Debug for Boxed<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Boxed<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Boxed::Heap(Box::new(T::deserialize(d)?)))
    }
}

/// A number of the data file in thousandths: 12.7 is `Amount::from_milli(12_700)`. The file's
/// numbers have at most three decimals, so nothing at run time parses, compares or formats a
/// float (float code is a large part of a small wasm).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(i64);

impl Amount {
    pub const fn from_milli(milli: i64) -> Amount {
        Amount(milli)
    }

    pub const fn whole(n: i64) -> Amount {
        Amount(n * 1000)
    }

    pub const fn milli(self) -> i64 {
        self.0
    }

    /// The nearest double to the amount, which prints (in JavaScript or serde_json) as the decimal
    /// it came from; a division, not float formatting, so the wasm stays free of that code.
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / 1000.0
    }

    /// This amount times `times / per`, to the nearest thousandth (halves away from zero).
    pub const fn scaled(self, times: i64, per: i64) -> Amount {
        let n = self.0 * times;
        let half = if n < 0 { -per / 2 } else { per / 2 };
        Amount((n + half) / per)
    }

    /// Read from a decimal number; `None` if it has more than three decimals or is too large.
    pub fn from_decimal(x: f64) -> Option<Amount> {
        let milli = (x * 1000.0).round();
        // A million million covers any amount of a free tier and keeps `scaled` within i64.
        let exact = (x * 1000.0 - milli).abs() < 1e-6 && milli.abs() < 1e15;
        exact.then_some(Amount(milli as i64))
    }
}

/// "12", "12.7", "0.512": at most three decimals, no trailing zeros, integer arithmetic only.
impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let (whole, mut frac) = (self.0.unsigned_abs() / 1000, self.0.unsigned_abs() % 1000);
        write!(f, "{sign}{whole}")?;
        if frac == 0 {
            return Ok(());
        }
        let mut width = 3;
        while frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
        write!(f, ".{frac:0width$}")
    }
}

impl fmt::Debug for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let x = f64::deserialize(d)?;
        Amount::from_decimal(x).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "number {x} has more than three decimals or is too large"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_building_blocks_compare_and_print_by_their_contents() {
        let items: Items<Text> = vec![Text::from("a"), Text::from("b")].into();
        assert!(items == ["a", "b"]);
        assert!(items != ["a", "c"]);
        assert_eq!(format!("{items:?}"), r#"["a", "b"]"#);

        static ONE: Amount = Amount::whole(1);
        let one = Boxed::Heap(Box::new(Amount::whole(1)));
        assert!(one == Boxed::Static(&ONE));
        assert!(one != Boxed::Heap(Box::new(Amount::whole(2))));
        assert_eq!(format!("{one:?}"), "1");
        assert_eq!(format!("{:?}", Amount::from_milli(-12_700)), "-12.7");

        let empty: SortedMap<Text, u8> = SortedMap(Items::default());
        let full: SortedMap<Text, u8> = [("a".into(), 1)].into_iter().collect();
        assert!(empty.is_empty() && !full.is_empty());

        let unexpected: Unexpected = serde_json::from_str(r#"{"colour": 1}"#).unwrap();
        assert!(!unexpected.is_empty());
        assert_eq!(unexpected.keys().collect::<Vec<_>>(), ["colour"]);
        let none: Unexpected = serde_json::from_str("{}").unwrap();
        assert!(none.is_empty());
    }

    #[test]
    fn amounts_stop_short_of_a_million_million() {
        // 10^12 is 10^15 thousandths: the first amount refused.
        assert_eq!(Amount::from_decimal(1e12), None);
        let below = Amount::whole(999_999_999_999);
        assert_eq!(Amount::from_decimal(999_999_999_999.0), Some(below));
    }

    #[test]
    fn amounts_read_and_show_as_decimals() {
        let shown = |x: f64| Amount::from_decimal(x).map(|a| a.to_string());
        assert_eq!(shown(12.0).as_deref(), Some("12"));
        assert_eq!(shown(12.7).as_deref(), Some("12.7"));
        assert_eq!(shown(0.512).as_deref(), Some("0.512"));
        assert_eq!(shown(0.05).as_deref(), Some("0.05"));
        assert_eq!(shown(1024.001).as_deref(), Some("1024.001"));
        assert_eq!(shown(-1.5).as_deref(), Some("-1.5"));
        assert_eq!(shown(0.0).as_deref(), Some("0"));
        assert_eq!(shown(1.2345), None);
        assert_eq!(shown(1e16), None);
    }

    #[test]
    fn scaling_rounds_to_the_nearest_thousandth() {
        // 100 h a month in hours a week: 100 × 336 / 1461 = 22.9979…
        assert_eq!(Amount::whole(100).scaled(336, 1461), Amount(22_998));
        // 1 min in hours: 0.01666… → 0.017; 720 min is exactly 12 h.
        assert_eq!(Amount::whole(1).scaled(1, 60), Amount(17));
        assert_eq!(Amount::whole(720).scaled(1, 60), Amount::whole(12));
        assert_eq!(Amount(-1500).scaled(1, 1000), Amount(-2));
    }

    #[test]
    fn a_sorted_map_finds_its_keys_and_keeps_the_last_of_a_repeat() {
        let map: SortedMap<Text, u8> = [("b".into(), 1), ("a".into(), 2), ("b".into(), 3)]
            .into_iter()
            .collect();
        assert_eq!(map.get("b"), Some(&3));
        assert_eq!(map.get("a"), Some(&2));
        assert_eq!(map.get("c"), None);
        let keys: Vec<&str> = map.keys().map(|k| k.as_ref()).collect();
        assert_eq!(keys, ["a", "b"]);
        static PAIRS: [(Text, u8); 2] = [(Cow::Borrowed("a"), 2), (Cow::Borrowed("b"), 3)];
        assert_eq!(SortedMap(Items(Cow::Borrowed(&PAIRS))), map);
    }
}

/// The keys of a JSON object that the schema does not know (read through `#[serde(flatten)]`),
/// by name, for `validate` to report. Never any in a compiled-in dataset, so on the page it is
/// empty and takes no room in each fact; a list rather than a map, so no map code either.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Unexpected(#[cfg(not(target_arch = "wasm32"))] pub(super) Items<Text>);

impl Unexpected {
    /// None: what every compiled-in fact has.
    #[cfg(not(target_arch = "wasm32"))]
    pub const NONE: Unexpected = Unexpected(Items::from_static(&[]));
    #[cfg(target_arch = "wasm32")]
    pub const NONE: Unexpected = Unexpected();

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        #[cfg(not(target_arch = "wasm32"))]
        return self.0.iter().map(|k| &**k);
        #[cfg(target_arch = "wasm32")]
        std::iter::empty()
    }

    pub fn is_empty(&self) -> bool {
        self.keys().next().is_none()
    }
}

impl<'de> Deserialize<'de> for Unexpected {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = BTreeMap::<String, serde::de::IgnoredAny>::deserialize(d)?;
        #[cfg(not(target_arch = "wasm32"))]
        return Ok(Unexpected(
            map.into_keys().map(Text::from).collect::<Vec<_>>().into(),
        ));
        #[cfg(target_arch = "wasm32")]
        {
            drop(map);
            Ok(Unexpected())
        }
    }
}
