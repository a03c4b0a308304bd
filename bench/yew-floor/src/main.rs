//! One sortable table of 17 keyed rows, hydrated: what any hydrating yew page carries.

use yew::prelude::*;

#[component]
fn Floor() -> Html {
    let descending = use_state(|| false);
    let mut rows: Vec<(String, u32)> = (0..17u32)
        .map(|i| (format!("Platform {i}"), (i * 7919) % 101))
        .collect();
    rows.sort_by_key(|r| r.1);
    if *descending {
        rows.reverse();
    }
    let onclick = {
        let descending = descending.clone();
        Callback::from(move |_| descending.set(!*descending))
    };
    html! {
        <table>
            <caption>{ "Floor" }</caption>
            <thead><tr><th scope="col"><button {onclick}>{ "RAM" }</button></th><th scope="col">{ "Name" }</th></tr></thead>
            <tbody>
                { for rows.iter().map(|(name, ram)| html! { <tr key={name.clone()}><td>{ ram }</td><td>{ name }</td></tr> }) }
            </tbody>
        </table>
    }
}

fn main() {
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        yew::Renderer::<Floor>::with_root(body.into()).hydrate();
    }
}
