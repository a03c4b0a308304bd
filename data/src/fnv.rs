//! FNV-1a, 64 bits: the content hash in the names of the files a build writes (the prose file,
//! the loader), so a cached copy of another build's file is never read in its place. The same on
//! every toolchain, unlike std's hasher, as the page and the prerender may be built by two.

pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
