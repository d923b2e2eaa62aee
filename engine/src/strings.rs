//! The String type's length (ECMA-262 §6.1.4) and the limit an implementation puts on it.
//!
//! §6.1.4 allows Strings of up to 2^53 − 1 code units; engines allow far fewer. evloop takes
//! V8's limit, [`MAX_STRING_LENGTH`], so that a program that grows a string without bound
//! (`s = s + s` in a loop, `"x".padStart(2e9)`) ends with the `RangeError: Invalid string
//! length` V8 throws instead of exhausting memory. Every operation that builds a string of a
//! length the program chooses checks the length it is about to build *before* allocating:
//! [`StringBuilder`] for strings assembled piece by piece, [`Agent::check_string_length`]
//! for those whose length is known up front.

use std::sync::Arc;

use crate::heap::ErrorKind;
use crate::host::HostHooks;
use crate::vm::{Agent, JsResult};

/// V8's `String::kMaxLength` on 64-bit platforms: 2^29 − 24 UTF-16 code units.
pub const MAX_STRING_LENGTH: usize = (1 << 29) - 24;

/// Strings of at least this many bytes are held to the run's memory and time limits when
/// they are made ([`Agent::reserve_string`]).
pub const LARGE_STRING: usize = 1 << 20;

/// The message V8 gives with the `RangeError` for a string past [`MAX_STRING_LENGTH`].
pub const INVALID_STRING_LENGTH: &str = "Invalid string length";

/// The length of `s` as ECMAScript counts it: UTF-16 code units (§6.1.4).
pub fn utf16_len(s: &str) -> usize {
    // Counting chars is fast even unoptimised (the standard library's own compiled loop);
    // a string with as many chars as bytes is ASCII, one code unit each.
    let chars = s.chars().count();
    if chars == s.len() {
        chars
    } else {
        s.chars().map(char::len_utf16).sum()
    }
}

/// The result would be longer than [`MAX_STRING_LENGTH`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooLong;

/// A string assembled piece by piece (concatenation, `join`, `JSON.stringify`), refusing any
/// piece that would take it past [`MAX_STRING_LENGTH`] before copying it.
///
/// Every code unit takes at least one UTF-8 byte, so while the bytes fit the code units do;
/// the code units are counted (once per byte, cached) only when the bytes would not fit.
#[derive(Clone, Debug, Default)]
pub struct StringBuilder {
    text: String,
    /// How many bytes of `text` have been counted into `units`.
    counted: usize,
    /// The code units in `text[..counted]`.
    units: usize,
}

impl StringBuilder {
    pub fn new() -> StringBuilder {
        StringBuilder::default()
    }

    /// The length so far, in UTF-16 code units.
    pub fn len(&mut self) -> usize {
        self.units += utf16_len(&self.text[self.counted..]);
        self.counted = self.text.len();
        self.units
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && self.units == 0
    }

    /// Whether `count` more copies of `piece` fit.
    pub fn fits(&mut self, piece: &str, count: usize) -> bool {
        let bytes = piece.len().checked_mul(count);
        let so_far = self.units + (self.text.len() - self.counted);
        let upper = bytes.and_then(|b| b.checked_add(so_far));
        if upper.is_some_and(|n| n <= MAX_STRING_LENGTH) {
            return true;
        }
        let units = self.len();
        utf16_len(piece)
            .checked_mul(count)
            .and_then(|n| n.checked_add(units))
            .is_some_and(|n| n <= MAX_STRING_LENGTH)
    }

    /// Appends `piece`, or fails without appending if the result would be too long.
    pub fn push(&mut self, piece: &str) -> Result<(), TooLong> {
        self.push_repeated(piece, 1)
    }

    /// Appends `piece` `count` times, or fails without appending anything if the result
    /// would be too long.
    pub fn push_repeated(&mut self, piece: &str, count: usize) -> Result<(), TooLong> {
        if piece.is_empty() || count == 0 {
            return Ok(());
        }
        if !self.fits(piece, count) {
            return Err(TooLong);
        }
        if count == 1 {
            self.text.push_str(piece);
        } else {
            self.text.push_str(&piece.repeat(count));
        }
        Ok(())
    }

    pub fn finish(self) -> Arc<str> {
        Arc::from(self.text)
    }

    pub fn into_string(self) -> String {
        self.text
    }
}

impl<H: HostHooks> Agent<'_, H> {
    /// The `RangeError: Invalid string length` V8 throws for a string past
    /// [`MAX_STRING_LENGTH`].
    pub fn invalid_string_length<T>(&mut self) -> JsResult<T> {
        self.throw(ErrorKind::RangeError, INVALID_STRING_LENGTH)
    }

    /// Throws `RangeError: Invalid string length` unless a string of `units` code units can
    /// exist.
    pub fn check_string_length(&mut self, units: usize) -> JsResult<()> {
        if units > MAX_STRING_LENGTH {
            return self.invalid_string_length();
        }
        Ok(())
    }

    /// The string-concatenation of `parts` (§6.1.4; `+` per §13.15.3 ApplyStringOrNumericBinaryOperator
    /// step 1.c, `String.prototype.concat` per §22.1.3.5), checked before it is built.
    pub fn concat_strings(&mut self, parts: &[&str]) -> JsResult<Arc<str>> {
        // Bytes bound code units from above: count the units only when the bytes do not fit.
        let bytes: usize = parts.iter().map(|p| p.len()).sum();
        if bytes > MAX_STRING_LENGTH {
            self.check_string_length(parts.iter().map(|p| utf16_len(p)).sum())?;
        }
        self.reserve_string(bytes)?;
        Ok(Arc::from(parts.concat()))
    }

    /// Before a string of `bytes` is made: a large one (1 MiB or more) must fit in the run's
    /// memory limit, twice (it is built, then copied into its cell), and the run's deadline
    /// is checked — a few instructions can copy hundreds of megabytes.
    pub fn reserve_string(&mut self, bytes: usize) -> JsResult<()> {
        if bytes >= LARGE_STRING {
            self.reserve_memory(2 * bytes as u64)?;
            self.budget.check().map_err(crate::vm::Unwind::Limit)?;
        }
        Ok(())
    }

    /// A builder's result, or the `RangeError` if building it failed.
    pub fn built(&mut self, r: Result<StringBuilder, TooLong>) -> JsResult<Arc<str>> {
        match r {
            Ok(mut b) => {
                let bytes = b.len();
                self.reserve_string(bytes)?;
                Ok(b.finish())
            }
            Err(TooLong) => self.invalid_string_length(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_count_utf16_code_units() {
        assert_eq!(utf16_len("abc"), 3);
        assert_eq!(utf16_len("é"), 1);
        assert_eq!(utf16_len("😀"), 2);
    }

    #[test]
    fn a_builder_refuses_a_piece_past_the_limit_without_copying_it() {
        // A builder that already counts MAX − 1 code units (its text is not needed).
        let mut b = StringBuilder {
            text: String::new(),
            counted: 0,
            units: MAX_STRING_LENGTH - 1,
        };
        assert_eq!(b.push("😀"), Err(TooLong));
        assert_eq!(b.push("x"), Ok(()));
        assert_eq!(b.len(), MAX_STRING_LENGTH);
        assert_eq!(b.push("x"), Err(TooLong));
        assert_eq!(b.into_string(), "x");
        let mut b = StringBuilder::new();
        assert_eq!(
            b.push_repeated("ab", MAX_STRING_LENGTH / 2 + 1),
            Err(TooLong)
        );
        assert_eq!(b.push_repeated("x", usize::MAX), Err(TooLong));
        assert!(b.is_empty());
    }
}
