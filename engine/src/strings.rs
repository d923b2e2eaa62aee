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

/// The message V8 gives with the `RangeError` for a string past [`MAX_STRING_LENGTH`].
pub const INVALID_STRING_LENGTH: &str = "Invalid string length";

/// The length of `s` as ECMAScript counts it: UTF-16 code units (§6.1.4).
pub fn utf16_len(s: &str) -> usize {
    // Fast path: every code unit takes at least one UTF-8 byte, so an ASCII string's byte
    // length is its length.
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().map(char::len_utf16).sum()
    }
}

/// The result would be longer than [`MAX_STRING_LENGTH`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooLong;

/// A string assembled piece by piece (concatenation, `join`, `JSON.stringify`), refusing any
/// piece that would take it past [`MAX_STRING_LENGTH`] before copying it.
#[derive(Clone, Debug, Default)]
pub struct StringBuilder {
    text: String,
    units: usize,
}

impl StringBuilder {
    pub fn new() -> StringBuilder {
        StringBuilder::default()
    }

    /// Appends `piece`, or fails without appending if the result would be too long.
    pub fn push(&mut self, piece: &str) -> Result<(), TooLong> {
        let units = self
            .units
            .checked_add(utf16_len(piece))
            .filter(|&n| n <= MAX_STRING_LENGTH)
            .ok_or(TooLong)?;
        self.text.push_str(piece);
        self.units = units;
        Ok(())
    }

    /// Appends `piece` `count` times, or fails without appending anything if the result
    /// would be too long.
    pub fn push_repeated(&mut self, piece: &str, count: usize) -> Result<(), TooLong> {
        let units = utf16_len(piece)
            .checked_mul(count)
            .and_then(|n| n.checked_add(self.units))
            .filter(|&n| n <= MAX_STRING_LENGTH)
            .ok_or(TooLong)?;
        self.text.reserve(piece.len() * count);
        for _ in 0..count {
            self.text.push_str(piece);
        }
        self.units = units;
        Ok(())
    }

    /// The length so far, in UTF-16 code units.
    pub fn len(&self) -> usize {
        self.units
    }

    pub fn is_empty(&self) -> bool {
        self.units == 0
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
        let units = parts.iter().map(|p| utf16_len(p)).sum();
        self.check_string_length(units)?;
        Ok(Arc::from(parts.concat()))
    }

    /// A builder's result, or the `RangeError` if building it failed.
    pub fn built(&mut self, r: Result<StringBuilder, TooLong>) -> JsResult<Arc<str>> {
        match r {
            Ok(b) => Ok(b.finish()),
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
