//! The heap references a value holds: one traversal per type, written beside the type.
//!
//! Garbage collection and canonicalisation (the model's canonical states) walk the heap from
//! a state's roots. Each type that can hold an [`ObjId`] says once which of its parts do, with
//! [`heap_refs!`](crate::heap_refs); the macro derives both the reading traversal
//! ([`HeapRefs::refs`], used to find what a cell reaches without copying a shared cell) and the
//! rewriting one ([`HeapRefs::refs_mut`], used to renumber), so the two cannot disagree.

use std::collections::VecDeque;
use std::sync::Arc;

use crate::value::{ObjId, Value};

/// Visits every heap reference of a value, in a fixed order.
pub trait HeapRefs {
    /// Visits the references to rewrite them.
    fn refs_mut(&mut self, f: &mut dyn FnMut(&mut ObjId));
    /// Visits the same references, in the same order, to read them.
    fn refs(&self, f: &mut dyn FnMut(ObjId));
}

/// Implements [`HeapRefs`] from one description of where a type's references are.
///
/// ```ignore
/// heap_refs!(struct [] Capability { promise, resolve, reject });
/// heap_refs!(enum [] Job {
///     Reaction { reaction, argument },
///     Callback { callback },
///     Unit,
///     Tuple(value, _),
///     Named { value, .. },
/// });
/// heap_refs!(enum [X: HeapRefs] ObjKind<X> { … });
/// ```
/// A struct lists its fields that hold references, in visiting order; an enum lists every
/// variant with the fields that hold references (`_` and `..` for the others).
#[macro_export]
macro_rules! heap_refs {
    (struct [$($gen:tt)*] $t:ty { $($field:ident),* $(,)? }) => {
        impl<$($gen)*> $crate::refs::HeapRefs for $t {
            fn refs_mut(&mut self, f: &mut dyn FnMut(&mut $crate::value::ObjId)) {
                let _ = &f;
                $( $crate::refs::HeapRefs::refs_mut(&mut self.$field, f); )*
            }
            fn refs(&self, f: &mut dyn FnMut($crate::value::ObjId)) {
                let _ = &f;
                $( $crate::refs::HeapRefs::refs(&self.$field, f); )*
            }
        }
    };
    (enum [$($gen:tt)*] $t:ty {
        $( $v:ident $( { $($named:tt)* } )? $( ( $($pos:tt)* ) )? ),* $(,)?
    }) => {
        impl<$($gen)*> $crate::refs::HeapRefs for $t {
            fn refs_mut(&mut self, f: &mut dyn FnMut(&mut $crate::value::ObjId)) {
                match self {
                    $( Self::$v $( { $($named)* } )? $( ( $($pos)* ) )? => {
                        $( $crate::heap_refs!(@mut f $($named)*); )?
                        $( $crate::heap_refs!(@mut f $($pos)*); )?
                    } )*
                }
            }
            fn refs(&self, f: &mut dyn FnMut($crate::value::ObjId)) {
                match self {
                    $( Self::$v $( { $($named)* } )? $( ( $($pos)* ) )? => {
                        $( $crate::heap_refs!(@ref f $($named)*); )?
                        $( $crate::heap_refs!(@ref f $($pos)*); )?
                    } )*
                }
            }
        }
    };
    (@mut $f:ident) => {};
    (@mut $f:ident , $($rest:tt)*) => { $crate::heap_refs!(@mut $f $($rest)*) };
    (@mut $f:ident .. $($rest:tt)*) => { $crate::heap_refs!(@mut $f $($rest)*) };
    (@mut $f:ident _ $($rest:tt)*) => { $crate::heap_refs!(@mut $f $($rest)*) };
    (@mut $f:ident $x:ident $($rest:tt)*) => {
        $crate::refs::HeapRefs::refs_mut($x, $f);
        $crate::heap_refs!(@mut $f $($rest)*)
    };
    (@ref $f:ident) => {};
    (@ref $f:ident , $($rest:tt)*) => { $crate::heap_refs!(@ref $f $($rest)*) };
    (@ref $f:ident .. $($rest:tt)*) => { $crate::heap_refs!(@ref $f $($rest)*) };
    (@ref $f:ident _ $($rest:tt)*) => { $crate::heap_refs!(@ref $f $($rest)*) };
    (@ref $f:ident $x:ident $($rest:tt)*) => {
        $crate::refs::HeapRefs::refs($x, $f);
        $crate::heap_refs!(@ref $f $($rest)*)
    };
}

impl HeapRefs for ObjId {
    fn refs_mut(&mut self, f: &mut dyn FnMut(&mut ObjId)) {
        f(self)
    }
    fn refs(&self, f: &mut dyn FnMut(ObjId)) {
        f(*self)
    }
}

impl HeapRefs for Value {
    fn refs_mut(&mut self, f: &mut dyn FnMut(&mut ObjId)) {
        if let Value::Object(id) = self {
            f(id)
        }
    }
    fn refs(&self, f: &mut dyn FnMut(ObjId)) {
        if let Value::Object(id) = self {
            f(*id)
        }
    }
}

/// Sequences visit their elements in order.
macro_rules! sequence_refs {
    ($($seq:ident),*) => {$(
        impl<T: HeapRefs> HeapRefs for $seq<T> {
            fn refs_mut(&mut self, f: &mut dyn FnMut(&mut ObjId)) {
                for x in self {
                    x.refs_mut(f)
                }
            }
            fn refs(&self, f: &mut dyn FnMut(ObjId)) {
                for x in self {
                    x.refs(f)
                }
            }
        }
    )*};
}
sequence_refs!(Vec, VecDeque);

impl<T: HeapRefs> HeapRefs for Option<T> {
    fn refs_mut(&mut self, f: &mut dyn FnMut(&mut ObjId)) {
        if let Some(x) = self {
            x.refs_mut(f)
        }
    }
    fn refs(&self, f: &mut dyn FnMut(ObjId)) {
        if let Some(x) = self {
            x.refs(f)
        }
    }
}

impl<T: HeapRefs> HeapRefs for Box<T> {
    fn refs_mut(&mut self, f: &mut dyn FnMut(&mut ObjId)) {
        (**self).refs_mut(f)
    }
    fn refs(&self, f: &mut dyn FnMut(ObjId)) {
        (**self).refs(f)
    }
}

/// Values that hold no reference (property keys, ids and counters beside references).
macro_rules! no_refs {
    ($($t:ty),*) => {$(
        impl HeapRefs for $t {
            fn refs_mut(&mut self, _: &mut dyn FnMut(&mut ObjId)) {}
            fn refs(&self, _: &mut dyn FnMut(ObjId)) {}
        }
    )*};
}
no_refs!(Arc<str>, u32);

impl<A: HeapRefs, B: HeapRefs> HeapRefs for (A, B) {
    fn refs_mut(&mut self, f: &mut dyn FnMut(&mut ObjId)) {
        self.0.refs_mut(f);
        self.1.refs_mut(f);
    }
    fn refs(&self, f: &mut dyn FnMut(ObjId)) {
        self.0.refs(f);
        self.1.refs(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone)]
    struct Pair {
        a: Value,
        skip: u32,
        b: Vec<ObjId>,
    }
    heap_refs!(struct [] Pair { a, b });

    #[derive(Clone)]
    enum Shape {
        Unit,
        Tuple(u32, ObjId),
        Named {
            first: ObjId,
            second: Value,
            other: bool,
        },
    }
    heap_refs!(enum [] Shape { Unit, Tuple(_, id), Named { first, second, .. } });

    fn by_ref(x: &impl HeapRefs) -> Vec<ObjId> {
        let mut out = Vec::new();
        x.refs(&mut |id| out.push(id));
        out
    }

    /// The reading and rewriting traversals visit the same references in the same order.
    #[test]
    fn both_traversals_visit_the_same_references_in_order() {
        let mut p = Pair {
            a: Value::Object(ObjId(3)),
            skip: 9,
            b: vec![ObjId(1), ObjId(2)],
        };
        assert_eq!(by_ref(&p), vec![ObjId(3), ObjId(1), ObjId(2)]);
        p.refs_mut(&mut |id| id.0 += 10);
        assert_eq!(by_ref(&p), vec![ObjId(13), ObjId(11), ObjId(12)]);
        assert_eq!(p.skip, 9);
        let mut shapes = vec![
            Shape::Unit,
            Shape::Tuple(7, ObjId(4)),
            Shape::Named {
                first: ObjId(5),
                second: Value::Undefined,
                other: true,
            },
        ];
        assert_eq!(by_ref(&shapes), vec![ObjId(4), ObjId(5)]);
        shapes.refs_mut(&mut |id| id.0 *= 2);
        assert_eq!(by_ref(&shapes), vec![ObjId(8), ObjId(10)]);
        if let Shape::Named { other, .. } = &shapes[2] {
            assert!(*other);
        }
        if let Shape::Tuple(n, _) = &shapes[1] {
            assert_eq!(*n, 7);
        }
    }
}
