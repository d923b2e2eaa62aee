//! A pre-scan that bounds how deeply the parser will recurse, before it runs.
//!
//! `oxc_parser` is a recursive-descent parser without a depth limit, so `((((…))))` or `!!!!…x`
//! nested tens of thousands deep would overflow the stack. This scan tokenises the source
//! approximately (strings, comments, templates and regular expressions are skipped) and keeps,
//! for each open bracket, a count of the tokens that make the parser recurse without a bracket:
//! prefix operators, right-associative operators (`=`, `op=`, `**`, `=>`, `?`, `:`), prefix
//! keywords (`typeof`, `new`, `await`, …) and statement keywords (`if`, `else`, `while`, …).
//! Counts are reset where the construct provably ends (`;`, `,`, automatic semicolon insertion
//! between two values on different lines). The sum over the open brackets over-estimates the
//! recursion depth; [`exceeds_nesting`] reports where it first passes the limit.

#[derive(Clone, Copy, PartialEq, Eq)]
enum FrameKind {
    Root,
    Paren,
    Bracket,
    Brace,
    TemplateSubst,
}

struct Frame {
    kind: FrameKind,
    expr: u32,
    stmt: u32,
}

/// What the previous token was, for deciding whether `/` starts a regular expression, whether
/// `+`/`-` are prefix operators, and where automatic semicolon insertion applies.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prev {
    Start,
    Value,
    Open,
    Op,
    CloseBrace,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tok {
    /// An identifier, literal or a keyword that behaves like a value (`this`, `null`, …).
    Value,
    /// `if`, `else`, `while`, `for`, `do`, `with`.
    StmtKeyword,
    /// `else`, `while`, `catch`, `finally`: may continue the previous statement.
    Continuation,
    /// `typeof`, `void`, `delete`, `await`, `new`, `yield`.
    PrefixKeyword,
    /// `in`, `instanceof`, `of`, `return`, `throw`, `case`: followed by an expression.
    OperatorKeyword,
    Open(FrameKind),
    Close(FrameKind),
    /// `!`, `~`.
    Prefix,
    /// `+`, `-`, `++`, `--`: prefix after an operator, else binary or postfix.
    PlusMinus,
    /// `=`, `op=`, `**`, `=>`, `?`, `:`, `...`.
    RightAssoc,
    Binary,
    Semi,
    Comma,
    Eof,
}

struct Scanner<'s> {
    b: &'s [u8],
    i: usize,
    frames: Vec<Frame>,
    total: u32,
    prev: Prev,
    pending_stmt_reset: bool,
}

/// Returns the byte offset where the estimated nesting first exceeds `limit`, if it does.
pub(crate) fn exceeds_nesting(source: &str, limit: u32) -> Option<u32> {
    let mut s = Scanner {
        b: source.as_bytes(),
        i: 0,
        frames: vec![Frame {
            kind: FrameKind::Root,
            expr: 0,
            stmt: 0,
        }],
        total: 1,
        prev: Prev::Start,
        pending_stmt_reset: false,
    };
    // A hashbang line.
    if s.b.starts_with(b"#!") {
        s.skip_line();
    }
    loop {
        let (tok, start, newline) = s.next_token();
        s.process(tok, newline);
        if s.total > limit {
            return Some(u32::try_from(start).unwrap_or(u32::MAX));
        }
        if tok == Tok::Eof {
            return None;
        }
    }
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c == b'\\' || c == b'#' || c >= 0x80
}

impl Scanner<'_> {
    fn at(&self, i: usize) -> u8 {
        self.b.get(i).copied().unwrap_or(0)
    }

    fn top(&mut self) -> Option<&mut Frame> {
        self.frames.last_mut()
    }

    fn add_expr(&mut self) {
        if let Some(f) = self.top() {
            f.expr = f.expr.saturating_add(1);
        }
        self.total = self.total.saturating_add(1);
    }

    fn add_stmt(&mut self) {
        if let Some(f) = self.top() {
            f.stmt = f.stmt.saturating_add(1);
        }
        self.total = self.total.saturating_add(1);
    }

    fn reset_expr(&mut self) {
        let n = self.top().map_or(0, |f| std::mem::take(&mut f.expr));
        self.total = self.total.saturating_sub(n);
    }

    fn reset_stmt(&mut self) {
        let n = self.top().map_or(0, |f| std::mem::take(&mut f.stmt));
        self.total = self.total.saturating_sub(n);
    }

    fn process(&mut self, tok: Tok, newline: bool) {
        // Automatic semicolon insertion: a value, a line break, and the start of another value
        // cannot continue one expression, so everything open in this frame has ended.
        let value_start = matches!(
            tok,
            Tok::Value | Tok::StmtKeyword | Tok::PrefixKeyword | Tok::Prefix
        );
        if newline && matches!(self.prev, Prev::Value | Prev::CloseBrace) && value_start {
            self.reset_expr();
            self.pending_stmt_reset = true;
        }
        if self.pending_stmt_reset {
            self.pending_stmt_reset = false;
            let ends_statement = matches!(
                tok,
                Tok::Value
                    | Tok::StmtKeyword
                    | Tok::PrefixKeyword
                    | Tok::OperatorKeyword
                    | Tok::Semi
                    | Tok::Open(FrameKind::Brace)
                    | Tok::Close(_)
                    | Tok::Eof
            );
            if ends_statement {
                self.reset_stmt();
            }
        }
        match tok {
            Tok::Value => self.prev = Prev::Value,
            Tok::StmtKeyword | Tok::Continuation => {
                self.add_stmt();
                self.prev = Prev::Open;
            }
            Tok::PrefixKeyword => {
                self.add_expr();
                self.prev = Prev::Op;
            }
            Tok::OperatorKeyword | Tok::Binary | Tok::Comma => {
                if tok == Tok::Comma {
                    self.reset_expr();
                }
                self.prev = Prev::Op;
            }
            Tok::Open(kind) => {
                self.frames.push(Frame {
                    kind,
                    expr: 0,
                    stmt: 0,
                });
                self.total = self.total.saturating_add(1);
                self.prev = Prev::Open;
            }
            Tok::Close(kind) => {
                if self.frames.len() > 1
                    && let Some(f) = self.frames.pop()
                {
                    self.total = self
                        .total
                        .saturating_sub(1)
                        .saturating_sub(f.expr)
                        .saturating_sub(f.stmt);
                }
                if kind == FrameKind::Brace {
                    self.pending_stmt_reset = true;
                    self.prev = Prev::CloseBrace;
                } else {
                    self.prev = Prev::Value;
                }
            }
            Tok::Prefix | Tok::RightAssoc => {
                self.add_expr();
                self.prev = Prev::Op;
            }
            Tok::PlusMinus => {
                if matches!(self.prev, Prev::Start | Prev::Open | Prev::Op) {
                    self.add_expr();
                    self.prev = Prev::Op;
                } else {
                    // Binary, or postfix `x++` (then a value follows no operator; either way
                    // nothing is left open).
                    self.prev = Prev::Op;
                }
            }
            Tok::Semi => {
                self.reset_expr();
                self.pending_stmt_reset = true;
                self.prev = Prev::Open;
            }
            Tok::Eof => {}
        }
    }

    fn skip_line(&mut self) {
        while self.i < self.b.len() && self.at(self.i) != b'\n' {
            self.i += 1;
        }
    }

    /// Skips whitespace and comments; returns whether a line break was crossed.
    fn skip_trivia(&mut self) -> bool {
        let mut newline = false;
        loop {
            match self.at(self.i) {
                b'\n' => {
                    newline = true;
                    self.i += 1;
                }
                b' ' | b'\t' | b'\r' | 0x0b | 0x0c if self.i < self.b.len() => self.i += 1,
                b'/' if self.at(self.i + 1) == b'/' => self.skip_line(),
                b'/' if self.at(self.i + 1) == b'*' => {
                    self.i += 2;
                    while self.i < self.b.len()
                        && !(self.at(self.i) == b'*' && self.at(self.i + 1) == b'/')
                    {
                        if self.at(self.i) == b'\n' {
                            newline = true;
                        }
                        self.i += 1;
                    }
                    self.i = (self.i + 2).min(self.b.len());
                }
                _ => return newline,
            }
        }
    }

    fn next_token(&mut self) -> (Tok, usize, bool) {
        let newline = self.skip_trivia();
        let start = self.i;
        if self.i >= self.b.len() {
            return (Tok::Eof, start, newline);
        }
        let c = self.at(self.i);
        let tok = match c {
            b'(' => self.single(Tok::Open(FrameKind::Paren)),
            b'[' => self.single(Tok::Open(FrameKind::Bracket)),
            b'{' => self.single(Tok::Open(FrameKind::Brace)),
            b')' => self.single(Tok::Close(FrameKind::Paren)),
            b']' => self.single(Tok::Close(FrameKind::Bracket)),
            b'}' => {
                self.i += 1;
                if self.frames.last().map(|f| f.kind) == Some(FrameKind::TemplateSubst) {
                    // The end of a `${…}` substitution: close it and continue the template.
                    self.process(Tok::Close(FrameKind::TemplateSubst), false);
                    self.template_rest()
                } else {
                    Tok::Close(FrameKind::Brace)
                }
            }
            b'`' => {
                self.i += 1;
                self.template_rest()
            }
            b'\'' | b'"' => {
                self.string(c);
                Tok::Value
            }
            b';' => self.single(Tok::Semi),
            b',' => self.single(Tok::Comma),
            b'0'..=b'9' => {
                self.number();
                Tok::Value
            }
            b'.' if self.at(self.i + 1).is_ascii_digit() => {
                self.number();
                Tok::Value
            }
            b'/' if matches!(
                self.prev,
                Prev::Start | Prev::Open | Prev::Op | Prev::CloseBrace
            ) =>
            {
                self.regex();
                Tok::Value
            }
            _ if is_ident_byte(c) => self.word(),
            _ => self.punctuator(),
        };
        (tok, start, newline)
    }

    fn single(&mut self, tok: Tok) -> Tok {
        self.i += 1;
        tok
    }

    /// Scans template characters after a backtick or a substitution's `}`.
    fn template_rest(&mut self) -> Tok {
        while self.i < self.b.len() {
            match self.at(self.i) {
                b'\\' => self.i += 2,
                b'`' => {
                    self.i += 1;
                    return Tok::Value;
                }
                b'$' if self.at(self.i + 1) == b'{' => {
                    self.i += 2;
                    return Tok::Open(FrameKind::TemplateSubst);
                }
                _ => self.i += 1,
            }
        }
        self.i = self.b.len();
        Tok::Value
    }

    fn string(&mut self, quote: u8) {
        self.i += 1;
        while self.i < self.b.len() {
            match self.at(self.i) {
                b'\\' => self.i += 2,
                b'\n' => return,
                c if c == quote => {
                    self.i += 1;
                    return;
                }
                _ => self.i += 1,
            }
        }
        self.i = self.b.len();
    }

    fn number(&mut self) {
        while self.i < self.b.len() {
            let c = self.at(self.i);
            if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' {
                self.i += 1;
            } else {
                return;
            }
        }
    }

    fn regex(&mut self) {
        self.i += 1;
        let mut in_class = false;
        while self.i < self.b.len() {
            match self.at(self.i) {
                b'\\' => self.i += 2,
                b'\n' | b'\r' => return,
                b'[' => {
                    in_class = true;
                    self.i += 1;
                }
                b']' => {
                    in_class = false;
                    self.i += 1;
                }
                b'/' if !in_class => {
                    self.i += 1;
                    while self.i < self.b.len() && is_ident_byte(self.at(self.i)) {
                        self.i += 1;
                    }
                    return;
                }
                _ => self.i += 1,
            }
        }
        self.i = self.b.len();
    }

    fn word(&mut self) -> Tok {
        let start = self.i;
        while self.i < self.b.len() && is_ident_byte(self.at(self.i)) {
            self.i += 1;
        }
        match self.b.get(start..self.i).unwrap_or_default() {
            b"if" | b"for" | b"do" | b"with" => Tok::StmtKeyword,
            b"else" | b"while" | b"catch" | b"finally" => Tok::Continuation,
            b"typeof" | b"void" | b"delete" | b"await" | b"new" | b"yield" => Tok::PrefixKeyword,
            b"in" | b"instanceof" | b"of" | b"return" | b"throw" | b"case" => Tok::OperatorKeyword,
            _ => Tok::Value,
        }
    }

    fn punctuator(&mut self) -> Tok {
        const PUNCTUATORS: [(&[u8], Tok); 52] = [
            (b">>>=", Tok::RightAssoc),
            (b"...", Tok::RightAssoc),
            (b"===", Tok::Binary),
            (b"!==", Tok::Binary),
            (b"**=", Tok::RightAssoc),
            (b"<<=", Tok::RightAssoc),
            (b">>=", Tok::RightAssoc),
            (b">>>", Tok::Binary),
            (b"&&=", Tok::RightAssoc),
            (b"||=", Tok::RightAssoc),
            (b"??=", Tok::RightAssoc),
            (b"=>", Tok::RightAssoc),
            (b"==", Tok::Binary),
            (b"!=", Tok::Binary),
            (b"<=", Tok::Binary),
            (b">=", Tok::Binary),
            (b"&&", Tok::Binary),
            (b"||", Tok::Binary),
            (b"??", Tok::Binary),
            (b"++", Tok::PlusMinus),
            (b"--", Tok::PlusMinus),
            (b"+=", Tok::RightAssoc),
            (b"-=", Tok::RightAssoc),
            (b"*=", Tok::RightAssoc),
            (b"/=", Tok::RightAssoc),
            (b"%=", Tok::RightAssoc),
            (b"&=", Tok::RightAssoc),
            (b"|=", Tok::RightAssoc),
            (b"^=", Tok::RightAssoc),
            (b"**", Tok::RightAssoc),
            (b"<<", Tok::Binary),
            (b">>", Tok::Binary),
            (b"=", Tok::RightAssoc),
            (b"?", Tok::RightAssoc),
            (b":", Tok::RightAssoc),
            (b"!", Tok::Prefix),
            (b"~", Tok::Prefix),
            (b"+", Tok::PlusMinus),
            (b"-", Tok::PlusMinus),
            (b"*", Tok::Binary),
            (b"/", Tok::Binary),
            (b"%", Tok::Binary),
            (b"<", Tok::Binary),
            (b">", Tok::Binary),
            (b"&", Tok::Binary),
            (b"|", Tok::Binary),
            (b"^", Tok::Binary),
            (b".", Tok::Binary),
            (b"@", Tok::Binary),
            (b";", Tok::Semi),
            (b",", Tok::Comma),
            (b"#", Tok::Value),
        ];
        let rest = self.b.get(self.i..).unwrap_or_default();
        // `?.` (optional chaining) is a member access unless a digit follows (`a?.5:b`).
        if rest.starts_with(b"?.") && !self.at(self.i + 2).is_ascii_digit() {
            self.i += 2;
            return Tok::Binary;
        }
        for (text, tok) in PUNCTUATORS {
            if rest.starts_with(text) {
                self.i += text.len();
                return tok;
            }
        }
        // Anything else (stray bytes): one byte, no effect on nesting.
        self.i += 1;
        Tok::Binary
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_ok(src: &str) -> bool {
        exceeds_nesting(src, 50).is_none()
    }

    #[test]
    fn ordinary_programs_pass() {
        let long_file: String = (0..2000)
            .map(|i| format!("let x{i} = -{i} + f(a, b) ? 1 : 2;\nif (x) y = 1; else z = 2\n"))
            .collect();
        assert!(depth_ok(&long_file));
        let no_semicolons: String = (0..2000).map(|i| format!("x = {i}\ny = !x\n")).collect();
        assert!(depth_ok(&no_semicolons));
        let strings = format!(
            "let s = '{}'; // {}\n/* {} */",
            "(".repeat(500),
            "[".repeat(500),
            "{".repeat(500)
        );
        assert!(depth_ok(&strings));
        let template = format!("`{}${{a}}{}`", "(".repeat(500), "{".repeat(500));
        assert!(depth_ok(&template));
        let regex = format!("x = /{}/g;", "\\(".repeat(500));
        assert!(depth_ok(&regex));
    }

    #[test]
    fn deep_nesting_is_found() {
        assert!(!depth_ok(&format!("{}1{}", "(".repeat(60), ")".repeat(60))));
        assert!(!depth_ok(&format!("{}x", "!".repeat(60))));
        assert!(!depth_ok(&format!("{}x", "- ".repeat(60))));
        assert!(!depth_ok(&"a = ".repeat(60)));
        assert!(!depth_ok(&"if (a) ".repeat(60)));
        assert!(!depth_ok(&format!("x = {}", "a ? b : ".repeat(40))));
        assert!(!depth_ok(&"x => ".repeat(60)));
        assert!(!depth_ok(&format!("`${{{}", "`${".repeat(60))));
        assert_eq!(exceeds_nesting(&"(".repeat(100), 50), Some(49));
    }
}
