//! `cargo run --bin data-report`: what the embedded data rests on and where it is weak.

fn main() {
    let data = free_ml_platforms::dataset::embedded();
    print!("{}", free_ml_platforms::report::render(&data));
}
