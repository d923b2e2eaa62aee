//! The ECMAScript layer: promises and their jobs (ECMA-262 §27.2), async functions
//! (§27.7), the built-in functions with captured data that these algorithms create.

pub mod arguments;
pub mod capability;
pub mod combinators;
pub mod native;
pub mod promise;
