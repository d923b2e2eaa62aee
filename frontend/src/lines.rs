//! Byte offsets to 1-based line and column numbers (columns counted in characters).

use evloop_model::ir::Pos;

/// The start offsets of every line of a source text.
#[derive(Debug, Clone)]
pub(crate) struct LineIndex<'s> {
    source: &'s str,
    /// `starts[i]` is the byte offset where line `i + 1` begins; `starts[0] == 0`.
    starts: Vec<u32>,
}

impl<'s> LineIndex<'s> {
    pub(crate) fn new(source: &'s str) -> Self {
        let mut starts = vec![0];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                starts.push(u32::try_from(i + 1).unwrap_or(u32::MAX));
            }
        }
        LineIndex { source, starts }
    }

    /// The source text of a span (empty if it is not one of this source).
    pub(crate) fn text(&self, start: u32, end: u32) -> &'s str {
        self.source.get(start as usize..end as usize).unwrap_or("")
    }

    /// The 1-based position of a byte offset (clamped to the source).
    pub(crate) fn pos(&self, offset: u32) -> Pos {
        let len = u32::try_from(self.source.len()).unwrap_or(u32::MAX);
        let offset = offset.min(len);
        let line_idx = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts.get(line_idx).copied().unwrap_or(0);
        let col = match self.source.get(start as usize..offset as usize) {
            Some(text) => u32::try_from(text.chars().count()).unwrap_or(u32::MAX),
            // Not on a character boundary: count bytes instead.
            None => offset - start,
        };
        Pos {
            line: u32::try_from(line_idx + 1).unwrap_or(u32::MAX),
            col: col.saturating_add(1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let idx = LineIndex::new("ab\nçd\n\nx");
        assert_eq!(idx.pos(0), Pos { line: 1, col: 1 });
        assert_eq!(idx.pos(1), Pos { line: 1, col: 2 });
        assert_eq!(idx.pos(3), Pos { line: 2, col: 1 });
        // `ç` is two bytes: `d` is the second character of line 2.
        assert_eq!(idx.pos(5), Pos { line: 2, col: 2 });
        assert_eq!(idx.pos(7), Pos { line: 3, col: 1 });
        assert_eq!(idx.pos(8), Pos { line: 4, col: 1 });
        // Past the end and inside a character: no panic.
        assert_eq!(idx.pos(100), Pos { line: 4, col: 2 });
        assert_eq!(idx.pos(4).line, 2);
    }
}
