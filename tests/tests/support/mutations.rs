//! The hostile bodies the response-parser tests feed: random bytes, runs of protocol-shaped
//! fragments, and valid bodies with bytes flipped, inserted, deleted or repeated.

use proptest::prelude::*;
use proptest::sample::Index;

#[derive(Clone, Debug)]
enum Edit {
    Flip(Index, u8),
    Insert(Index, u8),
    Delete(Index, Index),
    Repeat(Index, Index),
}

/// Bodies made from `seeds` (valid bodies) and `fragment` (pieces of the protocol's syntax).
pub fn body(seeds: Vec<Vec<u8>>, fragment: impl Strategy<Value = &'static [u8]> + 'static) -> impl Strategy<Value = Vec<u8>> {
    let edit = prop_oneof![
        (any::<Index>(), any::<u8>()).prop_map(|(at, b)| Edit::Flip(at, b)),
        (any::<Index>(), any::<u8>()).prop_map(|(at, b)| Edit::Insert(at, b)),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::Delete(a, b)),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::Repeat(a, b)),
    ];
    let mutated = (proptest::sample::select(seeds), proptest::collection::vec(edit, 1..4)).prop_map(|(mut body, edits)| {
        for edit in edits {
            let len = body.len().max(1);
            match edit {
                Edit::Flip(at, byte) if !body.is_empty() => body[at.index(len)] = byte,
                Edit::Insert(at, byte) => body.insert(at.index(len + 1).min(body.len()), byte),
                Edit::Delete(a, b) if !body.is_empty() => {
                    let (a, b) = (a.index(len), b.index(len));
                    body.drain(a.min(b)..a.max(b));
                }
                Edit::Repeat(a, b) if !body.is_empty() => {
                    let (a, b) = (a.index(len), b.index(len));
                    let piece = body[a.min(b)..a.max(b)].to_vec();
                    body.splice(a.max(b)..a.max(b), piece);
                }
                _ => {}
            }
        }
        body
    });
    prop_oneof![
        2 => proptest::collection::vec(any::<u8>(), 0..64),
        3 => proptest::collection::vec(fragment, 0..24).prop_map(|parts| parts.concat()),
        5 => mutated,
    ]
}
