//! FORMAT-2 through the whole pipeline: programs whose console.log text on the node and deno
//! hosts must equal what Node.js 20 and Deno 2.9 print (recorded through the conformance
//! harness, which removes error stack frames: spec FORMAT-2). `evloop fuzz --values` checks
//! generated values against the runtimes themselves.

use std::sync::Arc;

use evloop_model::{Host, Scheduler, Setup, run};

fn log(src: &str, host: Host) -> Vec<String> {
    let program = Arc::new(
        evloop_js::compile(src, "test.js", &evloop_js::CompileOptions::default())
            .expect("compiles"),
    );
    let r = run(program, host, &Setup::default(), &Scheduler::Default).expect("runs");
    assert!(r.outcome.errors.is_empty(), "{:?}", r.outcome.errors);
    r.outcome.log
}

/// (program, Node 20/22/24 text, Deno text)
const CASES: &[(&str, &[&str], &[&str])] = &[
    (
        "console.log({a: 1, b: 'x', c: [1, 'a', [2, [3, [4]]]], d: {e: {f: {g: 1}}}});",
        &[
            "{\n  a: 1,\n  b: 'x',\n  c: [ 1, 'a', [ 2, [Array] ] ],\n  d: { e: { f: [Object] } }\n}",
        ],
        &[
            "{\n  a: 1,\n  b: \"x\",\n  c: [\n    1,\n    \"a\",\n    [ 2, [ 3, [ 4 ] ] ]\n  ],\n  d: { e: { f: { g: 1 } } }\n}",
        ],
    ),
    (
        "console.log([1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27]);",
        &[
            "[\n   1,  2,  3,  4,  5,  6,  7,  8,\n   9, 10, 11, 12, 13, 14, 15, 16,\n  17, 18, 19, 20, 21, 22, 23, 24,\n  25, 26, 27\n]",
        ],
        &[
            "[\n   1,  2,  3,  4,  5,  6,  7,  8,\n   9, 10, 11, 12, 13, 14, 15, 16,\n  17, 18, 19, 20, 21, 22, 23, 24,\n  25, 26, 27\n]",
        ],
    ),
    (
        "console.log(Promise.resolve(1), new Promise(()=>{}), function foo(){}, () => {});",
        &["Promise { 1 } Promise { <pending> } [Function: foo] [Function (anonymous)]"],
        &["Promise { 1 } Promise { <pending> } [Function: foo] [Function (anonymous)]"],
    ),
    (
        "console.log({ 'a-b': \"it's\", s: 'say \"hi\"' }, [ , 1, , ], -0, [-0], null, undefined);",
        &[
            "{ 'a-b': \"it's\", s: 'say \"hi\"' } [ <1 empty item>, 1, <1 empty item> ] -0 [ -0 ] null undefined",
        ],
        &[
            "{ \"a-b\": \"it's\", s: 'say \"hi\"' } [ <1 empty item>, 1, <1 empty item> ] -0 [ -0 ] null undefined",
        ],
    ),
    (
        "console.log({x: 'a'.repeat(70), y: 2});",
        &[
            "{\n  x: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',\n  y: 2\n}",
        ],
        &[
            "{\n  x: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\n  y: 2\n}",
        ],
    ),
    (
        "console.log('%s is %d', 'x', 42, 'extra', {k: 1});",
        &["x is 42 extra { k: 1 }"],
        &["x is 42 extra { k: 1 }"],
    ),
    (
        "function F(){ this.a = 1 } console.log(new F(), Object.create(null));",
        &["F { a: 1 } [Object: null prototype] {}"],
        &["F { a: 1 } [Object: null prototype] {}"],
    ),
    (
        "console.log([[]], {}, [{}], {a: []});",
        &["[ [] ] {} [ {} ] { a: [] }"],
        &["[ [] ] {} [ {} ] { a: [] }"],
    ),
    (
        "console.log(['a','bb','ccc','dddd','e','f','g','h'], [true, false, null, undefined, 1, 2, 3]);",
        &[
            "[\n  'a',   'bb',\n  'ccc', 'dddd',\n  'e',   'f',\n  'g',   'h'\n] [ true, false, null, undefined, 1, 2, 3 ]",
        ],
        &[
            "[\n  \"a\",   \"bb\",\n  \"ccc\", \"dddd\",\n  \"e\",   \"f\",\n  \"g\",   \"h\"\n] [ true, false, null, undefined, 1, 2, 3 ]",
        ],
    ),
    (
        "var o = {n: 1}; o.self = o; console.log(o);",
        &["<ref *1> { n: 1, self: [Circular *1] }"],
        &["<ref *1> { n: 1, self: [Circular *1] }"],
    ),
    (
        "console.log([new Error('boom')], {e: new TypeError('bad')});",
        &["[\n  Error: boom\n] {\n  e: TypeError: bad\n}"],
        &["[\n  Error: boom\n] {\n  e: TypeError: bad\n}"],
    ),
    ("console.log(new Error('x'));", &["Error: x"], &["Error: x"]),
    (
        "console.log(Promise.reject(new Error('r')).catch(()=>{}) && 1, async function af(){}, async () => 1);",
        &["1 [AsyncFunction: af] [AsyncFunction (anonymous)]"],
        &["1 [AsyncFunction: af] [AsyncFunction (anonymous)]"],
    ),
    (
        "var p = Promise.reject(3); p.catch(()=>{}); console.log(p);",
        &["Promise { <rejected> 3 }"],
        &["Promise { <rejected> 3 }"],
    ),
    (
        "console.log({get g(){return 1}, set s(v){}, get gs(){return 1}, set gs(v){}});",
        &["{ g: [Getter], s: [Setter], gs: [Getter/Setter] }"],
        &["{ g: [Getter], s: [Setter], gs: [Getter/Setter] }"],
    ),
    (
        "var a = []; for (var i = 0; i < 120; i++) a.push(i); console.log(a);",
        &[
            "[\n   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,\n  12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,\n  24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,\n  36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,\n  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,\n  60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,\n  72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83,\n  84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,\n  96, 97, 98, 99,\n  ... 20 more items\n]",
        ],
        &[
            "[\n   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,\n  12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,\n  24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,\n  36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,\n  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,\n  60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,\n  72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83,\n  84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,\n  96, 97, 98, 99,\n  ... 20 more items\n]",
        ],
    ),
    (
        "console.log(['x'.repeat(20), 'y'.repeat(20), 'z'.repeat(20), 'w'.repeat(20)]);",
        &[
            "[\n  'xxxxxxxxxxxxxxxxxxxx',\n  'yyyyyyyyyyyyyyyyyyyy',\n  'zzzzzzzzzzzzzzzzzzzz',\n  'wwwwwwwwwwwwwwwwwwww'\n]",
        ],
        &[
            "[\n  \"xxxxxxxxxxxxxxxxxxxx\",\n  \"yyyyyyyyyyyyyyyyyyyy\",\n  \"zzzzzzzzzzzzzzzzzzzz\",\n  \"wwwwwwwwwwwwwwwwwwww\"\n]",
        ],
    ),
    (
        "console.log('%c styled', 'color: red', 'after');",
        &[" styled after"],
        &[" styled after"],
    ),
    (
        "console.log('100%', 5, '%%', '%d%%', 50);",
        &["100% 5 %% %d%% 50"],
        &["100% 5 %% %d%% 50"],
    ),
    (
        "console.log('%i and %f', '42.9px', '3.5e2x');",
        &["42 and 350"],
        &["42 and 350"],
    ),
    (
        "console.log('%j', {a: [1, 'b']}, '%s', 'tail');",
        &["{\"a\":[1,\"b\"]} %s tail"],
        &["{\"a\":[1,\"b\"]} %s tail"],
    ),
    (
        "console.log({'1': 1, b: 2, 'c d': 3, _e: 4, $f: 5, é: 6});",
        &["{ '1': 1, b: 2, 'c d': 3, _e: 4, '$f': 5, 'é': 6 }"],
        &["{ \"1\": 1, b: 2, \"c d\": 3, _e: 4, \"$f\": 5, \"é\": 6 }"],
    ),
    (
        "console.log('multi\\nline', ['multi\\nline'], {s: 'tab\\there'});",
        &["multi\nline [ 'multi\\nline' ] { s: 'tab\\there' }"],
        &["multi\nline [ \"multi\\nline\" ] { s: \"tab\\there\" }"],
    ),
    (
        "console.log({long: 'line one is here\\nline two is here\\nline three is quite long indeed yes it is'});",
        &[
            "{\n  long: 'line one is here\\n' +\n    'line two is here\\n' +\n    'line three is quite long indeed yes it is'\n}",
        ],
        &[
            "{\n  long: \"line one is here\\n\" +\n    \"line two is here\\n\" +\n    \"line three is quite long indeed yes it is\"\n}",
        ],
    ),
    (
        "console.log([1.5, -2, 1e21, NaN, Infinity, -Infinity, 0.1]);",
        &["[ 1.5, -2, 1e+21, NaN, Infinity, -Infinity, 0.1 ]"],
        &["[ 1.5, -2, 1e+21, NaN, Infinity, -Infinity, 0.1 ]"],
    ),
    (
        "console.log(function(){}, {f: function named(){}, g: () => 1});",
        &["[Function (anonymous)] { f: [Function: named], g: [Function: g] }"],
        &["[Function (anonymous)] { f: [Function: named], g: [Function: g] }"],
    ),
    (
        "var fn = function withProps(){}; fn.x = 1; console.log(fn);",
        &["[Function: withProps] { x: 1 }"],
        &["[Function: withProps] { x: 1 }"],
    ),
    (
        "console.log(new Date(0) instanceof Date, [undefined, null]);",
        &["true [ undefined, null ]"],
        &["true [ undefined, null ]"],
    ),
    (
        "console.log({a: {b: {c: {d: {}}}}}, {a: {b: {c: {}}}});",
        &["{ a: { b: { c: [Object] } } } { a: { b: { c: {} } } }"],
        &["{\n  a: { b: { c: { d: {} } } }\n} { a: { b: { c: {} } } }"],
    ),
    (
        "console.log({a: {b: {c: []}}}, [[[[]]]], [[[[1]]]]);",
        &["{ a: { b: { c: [] } } } [ [ [ [] ] ] ] [ [ [ [Array] ] ] ]"],
        &["{ a: { b: { c: [] } } } [ [ [ [] ] ] ] [\n  [ [ [ 1 ] ] ]\n]"],
    ),
    (
        "console.log(Object.assign(Object.create({inherited: 1}), {own: 2}));",
        &["{ own: 2 }"],
        &["{ own: 2 }"],
    ),
    (
        "console.log((function(){ return arguments })(1, 'two'));",
        &["[Arguments] { '0': 1, '1': 'two' }"],
        &["[Arguments] { \"0\": 1, \"1\": \"two\" }"],
    ),
    (
        "var e = new Error('with props'); e.code = 'E_X'; console.log(e);",
        &["Error: with props {\n  code: 'E_X'\n}"],
        &["Error: with props {\n  code: \"E_X\"\n}"],
    ),
    (
        "var arr = [1,2]; arr.extra = 'yes'; console.log(arr);",
        &["[ 1, 2, extra: 'yes' ]"],
        &["[ 1, 2, extra: \"yes\" ]"],
    ),
    (
        "var b = []; b.length = 200; console.log(new Array(5), [1, , 3], b.length, [, , 1]);",
        &["[ <5 empty items> ] [ 1, <1 empty item>, 3 ] 200 [ <2 empty items>, 1 ]"],
        &["[ <5 empty items> ] [ 1, <1 empty item>, 3 ] 200 [ <2 empty items>, 1 ]"],
    ),
    (
        "console.log({ s: \"both ' and \\\"\", t: \"all ' \\\" `\" });",
        &["{ s: `both ' and \"`, t: 'all \\' \" `' }"],
        &["{ s: `both ' and \"`, t: \"all ' \\\" `\" }"],
    ),
    (
        "console.log([1,2,3,4,5,6,7], [10,200,3000,40000,5,6,7,8,9]);",
        &[
            "[\n  1, 2, 3, 4,\n  5, 6, 7\n] [\n     10, 200, 3000,\n  40000,   5,    6,\n      7,   8,    9\n]",
        ],
        &[
            "[\n  1, 2, 3, 4,\n  5, 6, 7\n] [\n     10, 200, 3000,\n  40000,   5,    6,\n      7,   8,    9\n]",
        ],
    ),
    (
        "console.log('%s', {a: 1, b: {c: 2}}, '%s', [1, [2]]);",
        &["{ a: 1, b: [Object] } %s [ 1, [ 2 ] ]"],
        &["[object Object] %s [ 1, [ 2 ] ]"],
    ),
    (
        "console.log('%s', {toString(){ return 'custom' }});",
        &["custom"],
        &["custom"],
    ),
    (
        "console.log('%d', '12abc', '%d', {valueOf(){ return 7 }});",
        &["NaN %d { valueOf: [Function: valueOf] }"],
        &["12 %d { valueOf: [Function: valueOf] }"],
    ),
    (
        "console.log(Math, JSON);",
        &["Object [Math] {} Object [JSON] {}"],
        &["Object [Math] {} Object [JSON] {}"],
    ),
    (
        "console.log(new RangeError('r'), new SyntaxError(''));",
        &["RangeError: r SyntaxError"],
        &["RangeError: r SyntaxError"],
    ),
];

#[test]
fn node_and_deno_hosts_print_the_runtimes_console_text() {
    for (src, node, deno) in CASES {
        assert_eq!(log(src, Host::Node), *node, "node: {src}");
        assert_eq!(log(src, Host::Deno), *deno, "deno: {src}");
    }
}

#[test]
fn what_the_model_cannot_print_as_node_does_is_refused_by_name() {
    for (src, what) in [
        (
            "console.log(setTimeout(() => {}, 1));",
            "a host object (Timeout {})",
        ),
        ("console.log(%o, {});", "%o"),
        ("console.log(globalThis);", "the built-in object globalThis"),
    ] {
        let src = src.replace("%o, ", "\"%o\", ");
        let program = Arc::new(
            evloop_js::compile(&src, "test.js", &evloop_js::CompileOptions::default())
                .expect("compiles"),
        );
        let r = run(program, Host::Node, &Setup::default(), &Scheduler::Default).expect("runs");
        let e = r.outcome.errors.join(" ");
        assert!(
            e.contains("evloop does not model how Node.js prints") && e.contains(what),
            "{src}: {e}"
        );
    }
}
