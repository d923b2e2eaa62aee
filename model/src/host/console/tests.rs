//! FORMAT-2's string and number pieces, against what Node 20/22/24 print.

use super::inspect::{deno_quote_string, format_number, str_escape, strip_frames};
use super::{parse_float, parse_int};

#[test]
fn str_escape_picks_the_quote_node_picks() {
    assert_eq!(str_escape("x"), "'x'");
    assert_eq!(str_escape("it's"), "\"it's\"");
    assert_eq!(str_escape("both ' and \""), "`both ' and \"`");
    assert_eq!(str_escape("all ' \" `"), "'all \\' \" `'");
    assert_eq!(
        str_escape("tab\there\n\u{b}\u{7f}\\"),
        "'tab\\there\\n\\x0B\\x7F\\\\'"
    );
}

#[test]
fn deno_quotes_with_the_first_quote_the_string_lacks() {
    assert_eq!(deno_quote_string("x"), "\"x\"");
    assert_eq!(deno_quote_string("say \"hi\""), "'say \"hi\"'");
    assert_eq!(deno_quote_string("a\"b'c"), "`a\"b'c`");
    assert_eq!(deno_quote_string("a\"b'c`"), "\"a\\\"b'c`\"");
}

#[test]
fn numbers_print_negative_zero() {
    assert_eq!(format_number(-0.0), "-0");
    assert_eq!(format_number(1e21), "1e+21");
    assert_eq!(format_number(0.1), "0.1");
}

#[test]
fn stand_in_frames_are_removed_with_their_line_break() {
    let s = "[\n  Error: boom\n      at \u{0}evloop-frame\n] {\n  e: 1\n}";
    assert_eq!(strip_frames(s), "[\n  Error: boom\n] {\n  e: 1\n}");
    assert_eq!(
        strip_frames("Error: x\n    at \u{0}evloop-frame {"),
        "Error: x {"
    );
}

#[test]
fn parse_int_and_parse_float_read_the_longest_prefix() {
    assert_eq!(parse_int("42.9px"), 42.0);
    assert_eq!(parse_int("  -0x1F"), -31.0);
    assert!(parse_int("px").is_nan());
    assert_eq!(parse_float("3.5e2x"), 350.0);
    assert_eq!(parse_float(".5"), 0.5);
    assert_eq!(parse_float("-Infinityx"), f64::NEG_INFINITY);
    assert!(parse_float("e5").is_nan());
}
