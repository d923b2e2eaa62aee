//! The syntax of claims: the grammar, the lexer and parser, the claim tree and the static
//! checks of a claim against a program.
//!
//! ```text
//! claim      := c_or
//! c_or       := c_and ("or" c_and)*
//! c_and      := c_not ("and" c_not)*
//! c_not      := "not" c_not | "(" claim ")" | quantified
//! quantified := ("always" | "sometimes" | "never") p_or
//! p_or       := p_and ("or" p_and)*
//! p_and      := p_not ("and" p_not)*
//! p_not      := "not" p_not | "(" p_or ")" | atom
//! atom       := STRING "before" STRING
//!             | "logs" STRING
//!             | "log" ("==" | "!=") "[" [STRING ("," STRING)*] "]"
//!             | "status" ("==" | "!=") ("completed" | "uncaught" | "diverged" | "incomplete")
//!             | ["var"] IDENT ("==" | "!=") literal
//! literal    := ["-"] NUMBER | STRING | "true" | "false" | "null" | "undefined"
//! ```
//!
//! A predicate (after a quantifier) extends over `and`/`or` as far as it can, except that an
//! `and`/`or` followed by a quantifier (possibly after `not`s and opening parentheses) ends it:
//! `always "a" before "b" and logs "c"` is one quantified predicate, `always "a" before "b" and
//! sometimes logs "c"` is a conjunction of two claims. Strings take double or single quotes
//! with the escapes `\"`, `\'`, `\\`, `\n`, `\t`. Columns in errors count characters from 1.

use evloop_model::{Program, Status};

/// A parse error: the column (in characters, from 1) and what was expected there.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("column {column}: {message}")]
pub struct ClaimError {
    pub column: usize,
    pub message: String,
}

impl ClaimError {
    fn new(column: usize, message: impl Into<String>) -> ClaimError {
        ClaimError {
            column,
            message: message.into(),
        }
    }

    /// The claim text with a caret under the offending column, for terminals.
    pub fn render(&self, claim: &str) -> String {
        format!(
            "bad claim at column {}: {}\n  {claim}\n  {}^\n",
            self.column,
            self.message,
            " ".repeat(self.column.saturating_sub(1))
        )
    }
}

/// `always`, `sometimes` or `never`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantifier {
    /// The predicate holds on every outcome.
    Always,
    /// The predicate holds on at least one outcome.
    Sometimes,
    /// The predicate holds on no outcome (`not sometimes`).
    Never,
}

/// A claim: quantified predicates combined with `and`, `or`, `not`.
#[derive(Clone, Debug, PartialEq)]
pub enum Claim {
    Quantified(Quantifier, Pred),
    Not(Box<Claim>),
    And(Box<Claim>, Box<Claim>),
    Or(Box<Claim>, Box<Claim>),
}

/// A literal a variable is compared with.
#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    Number(f64),
    String(String),
    /// `true`, `false`, `null`, `undefined`.
    Word(&'static str),
}

/// A predicate over one outcome.
#[derive(Clone, Debug, PartialEq)]
pub enum Pred {
    /// Some line equal to the first string occurs, and it occurs before the first line equal to
    /// the second (which need not occur at all).
    Before(String, String),
    /// Some line equals the string.
    Logs(String),
    /// The whole log equals the list (`eq: false` for `!=`).
    LogEq {
        lines: Vec<String>,
        eq: bool,
    },
    /// The run ended with this status.
    Status {
        status: Status,
        eq: bool,
    },
    /// The final value of a top-level variable, formatted by FORMAT-1, equals the literal's
    /// FORMAT-1 text (`4`, `"x"`, `true`). `column` is where the name starts in the claim.
    Var {
        name: String,
        value: Literal,
        eq: bool,
        column: usize,
    },
    Not(Box<Pred>),
    And(Box<Pred>, Box<Pred>),
    Or(Box<Pred>, Box<Pred>),
}

// ---------------------------------------------------------------------------------------------
// Lexer

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Str(String),
    Num(f64),
    Ident(String),
    EqEq,
    NotEq,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Minus,
    End,
}

impl Tok {
    fn show(&self) -> String {
        match self {
            Tok::Str(s) => format!("the string {s:?}"),
            Tok::Num(n) => format!("the number {n}"),
            Tok::Ident(s) => format!("`{s}`"),
            Tok::EqEq => "`==`".into(),
            Tok::NotEq => "`!=`".into(),
            Tok::LParen => "`(`".into(),
            Tok::RParen => "`)`".into(),
            Tok::LBracket => "`[`".into(),
            Tok::RBracket => "`]`".into(),
            Tok::Comma => "`,`".into(),
            Tok::Minus => "`-`".into(),
            Tok::End => "the end of the claim".into(),
        }
    }
}

/// Splits claim text into tokens, each with its column (characters, from 1).
fn lex(text: &str) -> Result<Vec<(Tok, usize)>, ClaimError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let col = i + 1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let single = match c {
            '(' => Some(Tok::LParen),
            ')' => Some(Tok::RParen),
            '[' => Some(Tok::LBracket),
            ']' => Some(Tok::RBracket),
            ',' => Some(Tok::Comma),
            '-' => Some(Tok::Minus),
            _ => None,
        };
        if let Some(t) = single {
            out.push((t, col));
            i += 1;
            continue;
        }
        match c {
            '=' | '!' => {
                if chars.get(i + 1) == Some(&'=') {
                    out.push((if c == '=' { Tok::EqEq } else { Tok::NotEq }, col));
                    i += 2;
                } else if c == '=' {
                    return Err(ClaimError::new(col, "`=` is not an operator; write `==`"));
                } else {
                    return Err(ClaimError::new(
                        col,
                        "`!` is not an operator; write `not` or `!=`",
                    ));
                }
            }
            '"' | '\'' => {
                let quote = c;
                let mut s = String::new();
                let mut j = i + 1;
                loop {
                    match chars.get(j) {
                        None => {
                            return Err(ClaimError::new(
                                col,
                                format!("unterminated string: no closing {quote}"),
                            ));
                        }
                        Some(&q) if q == quote => break,
                        Some('\\') => {
                            let esc = match chars.get(j + 1) {
                                Some('n') => '\n',
                                Some('t') => '\t',
                                Some(&e @ ('"' | '\'' | '\\')) => e,
                                _ => {
                                    return Err(ClaimError::new(
                                        j + 1,
                                        "unknown escape; use \\\", \\', \\\\, \\n or \\t",
                                    ));
                                }
                            };
                            s.push(esc);
                            j += 2;
                        }
                        Some(&ch) => {
                            s.push(ch);
                            j += 1;
                        }
                    }
                }
                out.push((Tok::Str(s), col));
                i = j + 1;
            }
            c if c.is_ascii_digit() => {
                let mut j = i;
                while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == '.') {
                    j += 1;
                }
                let s: String = chars[i..j].iter().collect();
                let n: f64 = s
                    .parse()
                    .map_err(|_| ClaimError::new(col, format!("`{s}` is not a number")))?;
                out.push((Tok::Num(n), col));
                i = j;
            }
            c if c.is_alphabetic() || c == '_' || c == '$' => {
                let mut j = i;
                while j < chars.len()
                    && (chars[j].is_alphanumeric() || chars[j] == '_' || chars[j] == '$')
                {
                    j += 1;
                }
                out.push((Tok::Ident(chars[i..j].iter().collect()), col));
                i = j;
            }
            _ => {
                return Err(ClaimError::new(col, format!("unexpected character `{c}`")));
            }
        }
    }
    out.push((Tok::End, chars.len() + 1));
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Parser

const QUANTIFIERS: [&str; 3] = ["always", "sometimes", "never"];
const KEYWORDS: [&str; 10] = [
    "always",
    "sometimes",
    "never",
    "and",
    "or",
    "not",
    "before",
    "logs",
    "log",
    "status",
];

struct Parser {
    toks: Vec<(Tok, usize)>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> &Tok {
        &self.toks[self.pos].0
    }
    fn col(&self) -> usize {
        self.toks[self.pos].1
    }
    fn bump(&mut self) -> (Tok, usize) {
        let t = self.toks[self.pos].clone();
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        t
    }
    fn is_word(&self, w: &str) -> bool {
        matches!(self.peek(), Tok::Ident(s) if s == w)
    }
    fn eat_word(&mut self, w: &str) -> bool {
        if self.is_word(w) {
            self.bump();
            true
        } else {
            false
        }
    }
    fn error<T>(&self, expected: &str) -> Result<T, ClaimError> {
        Err(ClaimError::new(
            self.col(),
            format!("expected {expected}, found {}", self.peek().show()),
        ))
    }

    /// Whether the token after the `and`/`or` at the current position starts a quantified
    /// claim (skipping `not`s and `(`s): then the connective belongs to the claim level.
    fn connective_starts_claim(&self) -> bool {
        self.quantifier_ahead().is_some()
    }

    /// The quantifier (and its column) that the `and`/`or` at the current position is
    /// followed by, if any.
    fn quantifier_ahead(&self) -> Option<(String, usize)> {
        if !(self.is_word("and") || self.is_word("or")) {
            return None;
        }
        self.toks[self.pos + 1..]
            .iter()
            .find_map(|(t, c)| match t {
                Tok::Ident(s) if s == "not" => None,
                Tok::LParen => None,
                Tok::Ident(s) if QUANTIFIERS.contains(&s.as_str()) => Some(Some((s.clone(), *c))),
                _ => Some(None),
            })?
    }

    fn claim_or(&mut self) -> Result<Claim, ClaimError> {
        let mut left = self.claim_and()?;
        while self.eat_word("or") {
            let right = self.claim_and()?;
            left = Claim::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn claim_and(&mut self) -> Result<Claim, ClaimError> {
        let mut left = self.claim_not()?;
        while self.eat_word("and") {
            let right = self.claim_not()?;
            left = Claim::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn claim_not(&mut self) -> Result<Claim, ClaimError> {
        if self.eat_word("not") {
            return Ok(Claim::Not(Box::new(self.claim_not()?)));
        }
        if *self.peek() == Tok::LParen {
            self.bump();
            let c = self.claim_or()?;
            if *self.peek() != Tok::RParen {
                return self.error("`)`, `and` or `or`");
            }
            self.bump();
            return Ok(c);
        }
        let q =
            match self.peek() {
                Tok::Ident(s) if s == "always" => Quantifier::Always,
                Tok::Ident(s) if s == "sometimes" => Quantifier::Sometimes,
                Tok::Ident(s) if s == "never" => Quantifier::Never,
                _ => return self.error(
                    "`always`, `sometimes` or `never` (a claim is quantified over all outcomes)",
                ),
            };
        self.bump();
        Ok(Claim::Quantified(q, self.pred_or()?))
    }

    fn pred_or(&mut self) -> Result<Pred, ClaimError> {
        let mut left = self.pred_and()?;
        while self.is_word("or") && !self.connective_starts_claim() {
            self.bump();
            let right = self.pred_and()?;
            left = Pred::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn pred_and(&mut self) -> Result<Pred, ClaimError> {
        let mut left = self.pred_not()?;
        while self.is_word("and") && !self.connective_starts_claim() {
            self.bump();
            let right = self.pred_not()?;
            left = Pred::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn pred_not(&mut self) -> Result<Pred, ClaimError> {
        if self.eat_word("not") {
            return Ok(Pred::Not(Box::new(self.pred_not()?)));
        }
        if *self.peek() == Tok::LParen {
            self.bump();
            let p = self.pred_or()?;
            if *self.peek() != Tok::RParen {
                if let Some((q, col)) = self.quantifier_ahead() {
                    return Err(ClaimError::new(
                        col,
                        format!(
                            "`{q}` cannot stand inside a predicate; close the parenthesis before it"
                        ),
                    ));
                }
                return self.error("`)`, `and` or `or`");
            }
            self.bump();
            return Ok(p);
        }
        self.atom()
    }

    fn comparison(&mut self) -> Result<bool, ClaimError> {
        match self.peek() {
            Tok::EqEq => {
                self.bump();
                Ok(true)
            }
            Tok::NotEq => {
                self.bump();
                Ok(false)
            }
            _ => self.error("`==` or `!=`"),
        }
    }

    fn string(&mut self, what: &str) -> Result<String, ClaimError> {
        match self.peek().clone() {
            Tok::Str(s) => {
                self.bump();
                Ok(s)
            }
            _ => self.error(what),
        }
    }

    fn atom(&mut self) -> Result<Pred, ClaimError> {
        let (tok, col) = (self.peek().clone(), self.col());
        match tok {
            Tok::Str(a) => {
                self.bump();
                if !self.eat_word("before") {
                    return self.error("`before` (an ordering is written \"a\" before \"b\")");
                }
                let b = self.string("a string after `before`")?;
                Ok(Pred::Before(a, b))
            }
            Tok::Ident(w) if w == "logs" => {
                self.bump();
                Ok(Pred::Logs(self.string("a string after `logs`")?))
            }
            Tok::Ident(w) if w == "log" => {
                self.bump();
                let eq = self.comparison()?;
                if *self.peek() != Tok::LBracket {
                    return self.error("`[` starting the list of log lines");
                }
                self.bump();
                let mut lines = Vec::new();
                if *self.peek() != Tok::RBracket {
                    loop {
                        lines.push(self.string("a log line (a string)")?);
                        match self.peek() {
                            Tok::Comma => {
                                self.bump();
                            }
                            Tok::RBracket => break,
                            _ => return self.error("`,` or `]`"),
                        }
                    }
                }
                self.bump();
                Ok(Pred::LogEq { lines, eq })
            }
            Tok::Ident(w) if w == "status" => {
                self.bump();
                let eq = self.comparison()?;
                let status = match self.peek() {
                    Tok::Ident(s) if s == "completed" => Status::Completed,
                    Tok::Ident(s) if s == "uncaught" => Status::Uncaught,
                    Tok::Ident(s) if s == "diverged" => Status::Diverged,
                    Tok::Ident(s) if s == "incomplete" => Status::Incomplete,
                    _ => {
                        return self.error("`completed`, `uncaught`, `diverged` or `incomplete`");
                    }
                };
                self.bump();
                Ok(Pred::Status { status, eq })
            }
            Tok::Ident(w) if w == "var" || !KEYWORDS.contains(&w.as_str()) => {
                self.bump();
                let (name, column) = if w == "var" {
                    match self.peek().clone() {
                        Tok::Ident(n) => {
                            let c = self.col();
                            self.bump();
                            (n, c)
                        }
                        _ => return self.error("a variable name after `var`"),
                    }
                } else {
                    (w, col)
                };
                let eq = self.comparison()?;
                let value = self.literal()?;
                Ok(Pred::Var {
                    name,
                    value,
                    eq,
                    column,
                })
            }
            Tok::Ident(w) if QUANTIFIERS.contains(&w.as_str()) => Err(ClaimError::new(
                col,
                format!("`{w}` cannot stand inside a predicate; quantifiers go at the start of a claim"),
            )),
            _ => self.error(
                "a predicate: \"a\" before \"b\", logs \"x\", log == [...], status == completed or NAME == VALUE",
            ),
        }
    }

    fn literal(&mut self) -> Result<Literal, ClaimError> {
        match self.peek().clone() {
            Tok::Num(n) => {
                self.bump();
                Ok(Literal::Number(n))
            }
            Tok::Minus => {
                self.bump();
                match self.peek().clone() {
                    Tok::Num(n) => {
                        self.bump();
                        Ok(Literal::Number(-n))
                    }
                    _ => self.error("a number after `-`"),
                }
            }
            Tok::Str(s) => {
                self.bump();
                Ok(Literal::String(s))
            }
            Tok::Ident(w) => {
                let word = ["true", "false", "null", "undefined"]
                    .into_iter()
                    .find(|x| *x == w);
                match word {
                    Some(word) => {
                        self.bump();
                        Ok(Literal::Word(word))
                    }
                    None => {
                        self.error("a value: a number, a string, true, false, null or undefined")
                    }
                }
            }
            _ => self.error("a value: a number, a string, true, false, null or undefined"),
        }
    }
}

impl std::str::FromStr for Claim {
    type Err = ClaimError;
    fn from_str(s: &str) -> Result<Claim, ClaimError> {
        Claim::parse(s)
    }
}

impl Claim {
    /// Parses claim text (CHECK-2's grammar, in the module documentation).
    pub fn parse(text: &str) -> Result<Claim, ClaimError> {
        let mut p = Parser {
            toks: lex(text)?,
            pos: 0,
        };
        if *p.peek() == Tok::End {
            return p.error("a claim, e.g. always \"a\" before \"b\"");
        }
        let c = p.claim_or()?;
        if *p.peek() != Tok::End {
            return Err(ClaimError::new(
                p.col(),
                format!(
                    "unexpected {} after a complete claim (combine claims with `and`, `or`)",
                    p.peek().show()
                ),
            ));
        }
        Ok(c)
    }

    /// The variables the claim names, with their columns.
    pub fn variables(&self) -> Vec<(&str, usize)> {
        fn pred<'a>(p: &'a Pred, out: &mut Vec<(&'a str, usize)>) {
            match p {
                Pred::Var { name, column, .. } => out.push((name, *column)),
                Pred::Not(a) => pred(a, out),
                Pred::And(a, b) | Pred::Or(a, b) => {
                    pred(a, out);
                    pred(b, out);
                }
                _ => {}
            }
        }
        fn claim<'a>(c: &'a Claim, out: &mut Vec<(&'a str, usize)>) {
            match c {
                Claim::Quantified(_, p) => pred(p, out),
                Claim::Not(a) => claim(a, out),
                Claim::And(a, b) | Claim::Or(a, b) => {
                    claim(a, out);
                    claim(b, out);
                }
            }
        }
        let mut out = Vec::new();
        claim(self, &mut out);
        out
    }

    /// Checks that every variable the claim names is a top-level binding of `program`.
    pub fn check_variables(&self, program: &Program) -> Result<(), ClaimError> {
        let known: Vec<&str> = program
            .script_bindings
            .iter()
            .map(|s| &**s)
            .filter(|s| !s.starts_with('%'))
            .collect();
        for (name, column) in self.variables() {
            if !known.contains(&name) {
                let list = if known.is_empty() {
                    "the program has none".to_string()
                } else {
                    format!("the program has {}", known.join(", "))
                };
                return Err(ClaimError::new(
                    column,
                    format!("`{name}` is not a top-level variable ({list})"),
                ));
            }
        }
        Ok(())
    }
}

impl Literal {
    /// The literal's FORMAT-1 text, as a top-level variable holding it is formatted in an
    /// outcome's `vars`: numbers as `String(n)`, strings JSON-quoted.
    pub fn formatted(&self) -> String {
        match self {
            Literal::Number(n) => {
                if *n == 0.0 && n.is_sign_negative() {
                    "-0".into()
                } else {
                    evloop_model::number::number_to_string(*n)
                }
            }
            Literal::String(s) => evloop_model::format::quote(s),
            Literal::Word(w) => (*w).to_string(),
        }
    }
}
