//! Conversions end to end: ToPrimitive (ECMA-262 §7.1.1, OrdinaryToPrimitive §7.1.1.1)
//! through user `valueOf`/`toString`, OrdinaryOwnPropertyKeys order (§10.1.11.1) and the
//! time value of `Date` (§21.4.1.1, MODEL-1's epoch). Expected outputs are Node's.

use super::run_tests::log;

#[test]
fn objects_convert_through_value_of_and_to_string() {
    let src = r#"
const o = { toString() { return "custom"; }, valueOf() { return 42; } };
console.log("" + o, `${o}`, o + 1, String(o), o * 2, o > 41);
const s = { toString() { return "7"; } };
console.log(s * 2, [1, [2, 3]] + "", String({}), ({}).valueOf() === undefined);
try { "" + { toString() { return {}; }, valueOf() { return {}; } }; }
catch (e) { console.log(e.constructor === TypeError, e.message); }"#;
    assert_eq!(
        log(src),
        [
            "42 custom 43 custom 84 true",
            "14 1,2,3 [object Object] false",
            "true Cannot convert object to primitive value"
        ]
    );
}

#[test]
fn own_keys_list_array_indices_first_in_ascending_order() {
    let src = r#"
const o = { b: 1, a: 2, 10: 3, 1: 4, "01": 5 };
console.log(Object.keys(o).join());
console.log(o);"#;
    assert_eq!(
        log(src),
        [
            "1,10,b,a,01",
            "{\"1\": 4, \"10\": 3, b: 1, a: 2, \"01\": 5}"
        ]
    );
}

#[test]
fn dates_count_from_the_model_epoch() {
    let src = r#"
const d = new Date();
console.log(+d > 0, d - Date.now(), typeof (d + ""), Date.now() >= 1767225600000);"#;
    assert_eq!(log(src), ["true 0 string true"]);
}
