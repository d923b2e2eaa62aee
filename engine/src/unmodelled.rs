//! Records about a run kept beside the modelled state.

/// A record about how a state was reached or what a run may spend — not part of the state
/// the model describes: it compares equal and hashes to nothing, so it never separates two
/// states. A state reached by two schedules keeps the record of the schedule that reached it
/// first, which must therefore be right for either (each use says why it is).
#[derive(Clone, Copy, Debug, Default)]
pub struct Unmodelled<T>(pub T);

impl<T> PartialEq for Unmodelled<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
impl<T> Eq for Unmodelled<T> {}
impl<T> std::hash::Hash for Unmodelled<T> {
    fn hash<H: std::hash::Hasher>(&self, _state: &mut H) {}
}
