//! The comparison's state as a hook: the reducer over `core::State`, the move to the address
//! bar's view after hydration, the address bar kept in step, the choices' counts and one stable
//! callback per action. `Comparison` (app.rs) only draws what this returns.

use super::browser::{after_paint, enter_embed_mode, reveal, write_address_bar};
use super::filter_panel::{Counts, StepCounts};
use super::{use_data, use_rows, Data, Rows};
use crate::core::{threshold_fields, Action, Column, Filter, SortKey, State};
use crate::dataset::Field;
use std::rc::Rc;
use yew::prelude::*;

/// yew's reducer hook over the pure `State::apply`; an action that changes nothing re-renders nothing.
#[derive(PartialEq)]
struct Reducer(State);

impl Reducible for Reducer {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.0.clone().apply(action);
        if next == self.0 {
            self
        } else {
            Rc::new(Reducer(next))
        }
    }
}

/// The state to draw, its rows, the choices' counts, and the callbacks that change the state.
pub struct Comparing {
    pub state: State,
    /// The rows of the era shown (every platform the era has).
    pub rows: Rows,
    /// Positions in `rows` of the rows shown, filtered and in sort order.
    pub shown: Rc<Vec<usize>>,
    pub counts: Rc<Counts>,
    pub on: Handlers,
}

/// One callback per kind of change, the same from render to render: the rows compare their
/// props, and a new callback would draw every row again.
#[derive(Clone)]
pub struct Handlers {
    /// A header click, and whether shift added a key.
    pub sort: Callback<(Column, bool)>,
    pub sort_key: Callback<(usize, Option<SortKey>)>,
    /// The sort control's column choice at a position.
    pub sort_column: Callback<(usize, Option<Column>)>,
    pub compare: Callback<String>,
    pub clear_compare: Callback<()>,
    pub toggle: Callback<Filter>,
    pub minimum: Callback<(Field, Option<u32>)>,
    pub clear: Callback<()>,
    pub era: Callback<crate::dataset::Era>,
    pub columns: Callback<crate::core::ColumnSet>,
    pub column: Callback<Column>,
    /// Moves to a whole state (a left-out platform's "show it").
    pub restore: Callback<State>,
}

/// The comparison's state, starting at `initial` and moving to `restore` (the address bar's view
/// on a prerendered page) right after the first render.
#[hook]
pub fn use_comparison(initial: State, restore: Option<State>) -> Comparing {
    let data = use_data();
    let reducer = {
        let (initial, data) = (initial.clone(), data.clone());
        use_reducer(move || Reducer(known_platforms(initial, &data)))
    };
    {
        let (reducer, data) = (reducer.clone(), data.clone());
        use_effect_with(restore.clone(), move |restore| {
            if let Some(state) = restore {
                reducer.dispatch(Action::Restore(Box::new(known_platforms(
                    state.clone(),
                    &data,
                ))));
            }
        });
    }
    let state = &reducer.0;
    let rows = use_rows(data.set, state.era);
    let shown = use_shown(&rows, state);
    let counts = use_counts(&rows, state);

    {
        // Shown once it is in the view the address asked for (see assets/early.js).
        let target = restore.clone().map(|r| known_platforms(r, &data));
        use_effect_with(state.clone(), move |state| {
            let next = state.clone();
            after_paint(move || write_address_bar(&next));
            if target.is_none_or(|t| t == *state) {
                reveal();
            }
        });
    }

    let on = use_handlers(reducer.dispatcher());
    {
        // Inside another page: links open a new tab and the frame learns its height.
        use_effect_with(state.embed, |embed| {
            if *embed {
                enter_embed_mode();
            }
        });
    }
    Comparing {
        state: state.clone(),
        rows,
        shown,
        counts,
        on,
    }
}

/// The positions in `rows` of the rows shown, filtered and in sort order: sorted and filtered
/// again only when the rows, the sort or the filters change (not on a compare tick or a column
/// choice).
#[hook]
fn use_shown(rows: &Rows, state: &State) -> Rc<Vec<usize>> {
    let choice = State {
        sort: state.sort.clone(),
        filters: state.filters,
        minimums: state.minimums.clone(),
        ..State::default()
    };
    use_memo((rows.clone(), choice), |(rows, choice)| {
        choice.visible(rows)
    })
}

/// The choices' counts: they change with the era, the boxes and the minimums, not with a sort.
#[hook]
fn use_counts(rows: &Rows, state: &State) -> Rc<Counts> {
    let state = state.clone();
    use_memo(
        (rows.clone(), state.filters, state.minimums.clone()),
        move |(rows, ..)| Counts {
            boxes: Filter::all()
                .map(|f| (f, state.facet_count(rows, f)))
                .collect(),
            steps: threshold_fields()
                .map(|field| {
                    let any = state.threshold_count(rows, field, None);
                    let steps = field
                        .def()
                        .steps
                        .iter()
                        .map(|&s| (s, state.threshold_count(rows, field, Some(s))))
                        .collect();
                    StepCounts { field, any, steps }
                })
                .collect(),
        },
    )
}

/// One callback per action, kept from render to render: the rows compare their props, and a
/// new callback would draw every row again.
#[hook]
fn use_handlers(dispatcher: UseReducerDispatcher<Reducer>) -> Handlers {
    let onsort = use_forward(dispatcher.clone(), |(column, add): (Column, bool)| {
        if add {
            Action::AddSort(column)
        } else {
            Action::Sort(column)
        }
    });
    let oncompare = use_forward(dispatcher.clone(), Action::ToggleCompare);
    let onsortkey = use_forward(dispatcher.clone(), |(i, key): (usize, Option<SortKey>)| {
        Action::SetSortKey(i, key)
    });
    let onsortcolumn = use_forward(dispatcher.clone(), |(i, c): (usize, Option<Column>)| {
        Action::SetSortColumn(i, c)
    });
    let ontoggle = use_forward(dispatcher.clone(), Action::Toggle);
    let onminimum = use_forward(dispatcher.clone(), |(f, m): (Field, Option<u32>)| {
        Action::SetMinimum(f, m)
    });
    let onera = use_forward(dispatcher.clone(), Action::SetEra);
    let onclear = use_forward(dispatcher.clone(), |_: ()| Action::ClearFilters);
    let oncolumns = use_forward(dispatcher.clone(), Action::ShowColumns);
    let oncolumn = use_forward(dispatcher.clone(), Action::ToggleColumn);
    let onclearcompare = use_forward(dispatcher.clone(), |_: ()| Action::ClearCompare);
    let onrestore = use_forward(dispatcher, |s: State| Action::Restore(Box::new(s)));

    Handlers {
        sort: onsort,
        sort_key: onsortkey,
        sort_column: onsortcolumn,
        compare: oncompare,
        clear_compare: onclearcompare,
        toggle: ontoggle,
        minimum: onminimum,
        clear: onclear,
        era: onera,
        columns: oncolumns,
        column: oncolumn,
        restore: onrestore,
    }
}

/// The state without compared platforms the dataset lacks (a shared link may name some).
fn known_platforms(mut state: State, data: &Data) -> State {
    state.compare.retain(|id| data.platform(id).is_some());
    state
}

/// A callback, the same from render to render, that turns its event into an action and
/// dispatches it.
#[hook]
fn use_forward<T: 'static>(
    dispatcher: UseReducerDispatcher<Reducer>,
    make: fn(T) -> Action,
) -> Callback<T> {
    use_callback(dispatcher, move |x, d| d.dispatch(make(x)))
}

#[cfg(test)]
mod tests {
    use super::Reducer;
    use crate::core::{Action, State};
    use crate::dataset::Era;
    use std::rc::Rc;
    use yew::Reducible;

    /// The reducer's one promise: an action that changes nothing hands back the same `Rc`, so
    /// yew draws nothing again; one that changes something, a new one.
    #[test]
    fn a_no_op_returns_the_same_rc_and_a_change_a_new_one() {
        let state = Rc::new(Reducer(State::default()));
        let same = state.clone().reduce(Action::SetEra(Era::Today));
        assert!(Rc::ptr_eq(&state, &same));
        let changed = state.clone().reduce(Action::SetEra(Era::Y2019));
        assert!(!Rc::ptr_eq(&state, &changed));
        assert_eq!(changed.0.era, Era::Y2019);
    }
}
